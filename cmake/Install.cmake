# Why: `cmake --install` and the .deb put everything a user reaches for in
# the standard places: the binary, the man pages (hand-written scdoc sources
# in man/, built into build/man/*.1 when scdoc is installed) and the shell
# completions, where bash-completion, zsh and fish look for them. CPack's DEB
# generator packages the same tree; its dependencies come from the libraries
# the binary links (dpkg-shlibdeps), so they cannot drift from the build.
include(GNUInstallDirs)

install(TARGETS idtriage RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

find_program(SCDOC_EXECUTABLE scdoc)
file(GLOB IDTRIAGE_MAN_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/man/*.1.scd)
if(SCDOC_EXECUTABLE)
  set(IDTRIAGE_MAN_PAGES)
  foreach(src ${IDTRIAGE_MAN_SOURCES})
    get_filename_component(name ${src} NAME)         # idtriage-triage.1.scd
    string(REGEX REPLACE "\\.scd$" "" page ${name})  # idtriage-triage.1
    set(out ${CMAKE_BINARY_DIR}/man/${page})
    add_custom_command(OUTPUT ${out}
                       COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
                       COMMAND sh -c "\"$0\" < \"$1\" > \"$2\"" ${SCDOC_EXECUTABLE} ${src} ${out}
                       DEPENDS ${src}
                       COMMENT "scdoc ${name}"
                       VERBATIM)
    list(APPEND IDTRIAGE_MAN_PAGES ${out})
  endforeach()
  add_custom_target(man ALL DEPENDS ${IDTRIAGE_MAN_PAGES})
  install(FILES ${IDTRIAGE_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
  message(STATUS "scdoc not found: the man pages are not built or installed (apt-get install scdoc)")
endif()

install(FILES ${CMAKE_SOURCE_DIR}/completions/idtriage.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME idtriage)
install(FILES ${CMAKE_SOURCE_DIR}/completions/idtriage.zsh
        DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions RENAME _idtriage)
install(FILES ${CMAKE_SOURCE_DIR}/completions/idtriage.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# `cpack` in the build directory (or tests/install/check_deb.sh) writes
# idtriage_VERSION_ARCH.deb.
set(IDTRIAGE_MAINTAINER "idtriage developers <idtriage@example.invalid>"
    CACHE STRING "Maintainer field of the .deb")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME idtriage)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "identity-incident triage for Microsoft Entra sign-in and audit logs")
set(CPACK_PACKAGE_DESCRIPTION
    "Reads Entra sign-in and audit logs, help-desk ticket CSVs and service-health JSON, classifies every record, correlates them over time and prints findings with evidence and playbooks.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${IDTRIAGE_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)
include(CPack)
