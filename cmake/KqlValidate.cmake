# Why: the KQL idtriage emits (`idtriage rules --kql`) is checked by
# Microsoft's own parser, Kusto.Language from the npm registry, in one ctest
# (kql_validate, tests/kql/run.sh). The pinned package is installed with
# `npm ci` from tests/kql/package-lock.json (sha512-checked) into the build
# tree, once per build directory; nothing from npm is committed.
#   IDTRIAGE_KQL_TESTS     build and run the test (default ON; needs node, npm and the registry once)
#   KQL_VALIDATE_REQUIRED  fail configuration when node/npm are missing (./dev test sets it)
#   IDTRIAGE_KQL_SNAPSHOT  also build a V8 start-up snapshot (about 1 s faster per run, 4 s to build)
option(IDTRIAGE_KQL_TESTS "Validate the emitted KQL with Kusto.Language (node + npm)" ON)
option(KQL_VALIDATE_REQUIRED "Fail configuration if node/npm are missing" OFF)
option(IDTRIAGE_KQL_SNAPSHOT "Build a V8 snapshot for the KQL validator" OFF)
if(NOT IDTRIAGE_KQL_TESTS)
  return()
endif()
find_program(NODE_EXECUTABLE node)
find_program(NPM_EXECUTABLE npm)
if(NOT NODE_EXECUTABLE OR NOT NPM_EXECUTABLE)
  if(KQL_VALIDATE_REQUIRED)
    message(FATAL_ERROR "node/npm not found: the KQL validation test needs them (Debian: apt-get install nodejs npm)")
  endif()
  message(WARNING "node/npm not found: the KQL validation test (kql_validate) is NOT run; "
                  "install nodejs and npm, or configure with -DIDTRIAGE_KQL_TESTS=OFF to silence this")
  return()
endif()

set(KQL_SRC_DIR ${CMAKE_SOURCE_DIR}/tests/kql)
set(KQL_TOOL_DIR ${CMAKE_BINARY_DIR}/kql-validate)
set(KQL_STAMP ${KQL_TOOL_DIR}/node_modules/.package-lock.json)
add_custom_command(
  OUTPUT ${KQL_STAMP}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${KQL_TOOL_DIR}
  COMMAND ${CMAKE_COMMAND} -E copy ${KQL_SRC_DIR}/package.json ${KQL_SRC_DIR}/package-lock.json ${KQL_TOOL_DIR}/
  COMMAND ${NPM_EXECUTABLE} ci --prefix ${KQL_TOOL_DIR} --no-audit --no-fund --ignore-scripts --loglevel=error
  DEPENDS ${KQL_SRC_DIR}/package.json ${KQL_SRC_DIR}/package-lock.json
  COMMENT "npm ci @kusto/language-service-next (KQL validator; offline: configure with -DIDTRIAGE_KQL_TESTS=OFF)"
  VERBATIM)
set(KQL_NODE ${NODE_EXECUTABLE})
set(KQL_OUTPUTS ${KQL_STAMP})
if(IDTRIAGE_KQL_SNAPSHOT)
  set(KQL_BLOB ${KQL_TOOL_DIR}/kusto.blob)
  add_custom_command(
    OUTPUT ${KQL_BLOB}
    COMMAND ${CMAKE_COMMAND} -E env KUSTO_PKG_DIR=${KQL_TOOL_DIR}/node_modules/@kusto/language-service-next
            ${NODE_EXECUTABLE} --snapshot-blob ${KQL_BLOB} --build-snapshot ${KQL_SRC_DIR}/snapshot-entry.js
    DEPENDS ${KQL_STAMP} ${KQL_SRC_DIR}/snapshot-entry.js
    COMMENT "V8 snapshot for the KQL validator"
    VERBATIM)
  list(APPEND KQL_OUTPUTS ${KQL_BLOB})
  set(KQL_NODE ${NODE_EXECUTABLE} --snapshot-blob ${KQL_BLOB})
endif()
add_custom_target(kql_validator ALL DEPENDS ${KQL_OUTPUTS})

add_test(NAME kql_validate
         COMMAND ${KQL_SRC_DIR}/run.sh $<TARGET_FILE:idtriage> $<TARGET_FILE:unit_tests> ${CMAKE_SOURCE_DIR}
                 ${KQL_TOOL_DIR} ${CMAKE_BINARY_DIR}/kql-out ${KQL_NODE})
set_tests_properties(kql_validate PROPERTIES LABELS kql)
