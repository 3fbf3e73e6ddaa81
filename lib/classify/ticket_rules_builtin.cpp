// Why: the built-in ticket rules are data, in exactly the format users write
// for --rules FILE; every rule carries sample texts checked at load time.
#include "classify/ticket_classifier.h"

namespace idt {
namespace {

constexpr std::string_view kBuiltinRules = R"RULES(
# idtriage ticket rules
#
# One block per rule:
#   [rule-id]            letters, digits, '_', '.', '-'; a --rules file that reuses an id replaces the rule
#   class = NAME         mfa_setup portal_unreachable signin_failure lockout mfa_prompts phishing_report other
#   priority = N         higher is tried first (default 50); --rules files are tried before built-ins
#   pattern = RE2        case-insensitive, '.' also matches newlines; several lines are alternatives.
#                        For "A near B" write A[^\n.!?;]*B (same sentence) or A[^\n]*B (same line):
#                        bounded windows such as .{0,60} blow up the DFA and make matching slow
#                        (a few words, ( \S+){0,3}, are cheap). Every open A[^\n.!?;]* stays alive to
#                        the end of the sentence once A is seen: start it on a rare word.
#   unless = RE2         the rule does not apply when this also matches
#   sample = TEXT        must match (checked when the rules are loaded; at least one)
#   not = TEXT           must not match (checked when the rules are loaded)
#   enabled = false      switch a rule off (e.g. a built-in one, by reusing its id)
# The text matched is the ticket's title, description and category, one per line.
# Priorities: phishing 90 > prompts 80 > portal 75 > lockout 70 > setup 60 > portal mention 55
#   > the specific sign-in rules 51-53 > sign-in 50 (any AADSTS code).
#
# Which class a phrasing belongs to. The classes are fixed; the correlation counts tickets
# by class (a security-info portal outage counts mfa_setup + portal_unreachable, a sign-in
# outage counts signin_failure, outage-themed phishing counts phishing_report), so a phrasing
# goes where the finding it is evidence for looks:
#   mfa_setup           registering or changing security info fails, or is blocked by policy
#                       ("I can't register security info, it says my admin blocked it",
#                       "unable to collect additional security information", AADSTS53004/53010),
#                       "more information required" / must enrol (AADSTS50079/50072); an SMS code
#                       that never arrives while setting up MFA is setup too (setup outranks sign-in)
#   portal_unreachable  the security-info portal itself does not load (mysignins, aka.ms/mfasetup,
#                       502/503/504 with an identity context); a 503 from an unrelated API,
#                       intranet or billing system is not
#   phishing_report     reports of phishing, and any ticket quoting a look-alike of the portal's
#                       or the sign-in page's domain (mysignins-verify.account-help.com), even
#                       when it says the page "won't load"
#   lockout             locked or disabled account (AADSTS50053, 50057)
#   signin_failure      everything else that stops a sign-in: blocked by Conditional Access
#                       ("You can't get there from here", AADSTS53003), device not compliant or
#                       not managed (AADSTS53000/53001, "Help us keep your device secure"),
#                       SMS/text/call/push codes that never arrive, MFA failed (AADSTS500121),
#                       forgotten or expired password (AADSTS50126, 50055), SSO/SAML failures
#                       (AADSTS50105, 75011, 700016)
#   mfa_prompts         approval requests the user did not start

########## phishing_report

[phishing.en]
class = phishing_report
priority = 90
pattern = phish
pattern = suspicious (e-?mails?|mails?|messages?|links?|sms|texts?|attachments?)
pattern = (fake|fraudulent|spoofed|scam|bogus) (e-?mails?|mails?|messages?|login|sign-?in|microsoft|mfa|password|page|site)
pattern = (e-?mail|message|text|sms)\b[^\n.!?;]*\b(ask(ed|ing|s)?|want(ed|s)?|tell(s|ing)?) (me |us |users )?(to |for )?(re-?register|re-?enter|verify|confirm|update|reset|my|our|their)\b[^\n.!?;]*(password|credentials|mfa|authenticator|security info|account)
unless = phishing (simulation|training|awareness|test|campaign|course)
sample = Reporting a phishing email
sample = Suspicious email asking me to re-register MFA
sample = Got an email asking me to verify my password, looks fake
sample = "Your MFA is broken, re-register here" - suspicious link
not = Please reset my password
not = Question about the phishing awareness training

[phishing.es]
class = phishing_report
priority = 90
pattern = correos? (electr[oó]nicos? )?(sospechosos?|fraudulentos?|falsos?)
pattern = (mensajes?|enlaces?|sms) (sospechosos?|fraudulentos?)
pattern = suplantaci[oó]n de identidad
sample = Recibí un correo sospechoso que pide mi contraseña
sample = Posible suplantación de identidad por correo
sample = enlace sospechoso para registrar MFA
not = No puedo abrir mi correo

[phishing.pt]
class = phishing_report
priority = 90
pattern = e-?mails? (suspeitos?|fraudulentos?|falsos?)
pattern = (mensagem|mensagens|links?|sms) (suspeit[oa]s?|fraudulent[oa]s?)
pattern = golpe (por|de|via) e-?mail
sample = Recebi um e-mail suspeito pedindo minha senha
sample = Mensagem suspeita pedindo para registrar o MFA
not = Não recebo e-mails

[phishing.de]
class = phishing_report
priority = 90
pattern = verd[äa]chtige[nr]? (e-?mails?|mails?|nachrichte?n?|sms|links?)
pattern = (betrugs|spam)-?(e-?)?mails?
pattern = gef[äa]lschte[nr]? (e-?mails?|mails?|anmeldeseite|nachrichte?n?|microsoft)
sample = Verdächtige E-Mail mit Link zur MFA-Registrierung
sample = verdächtige Mail erhalten
sample = Gefälschte Anmeldeseite von Microsoft
not = Kann keine E-Mails senden

[phishing.fr]
class = phishing_report
priority = 90
pattern = (courriels?|e-?mails?|mails?|messages?|liens?|sms) (suspects?|frauduleux|douteux)
pattern = hame[çc]onnage
sample = J'ai reçu un courriel suspect me demandant mon mot de passe
sample = Tentative d'hameçonnage
sample = Lien douteux pour réinscrire l'authentification
not = Je ne reçois plus de courriels

# A look-alike of the security-info portal's or the sign-in page's host is phishing, whatever
# else the ticket says ("... won't load" included): the real hosts are mysignins.microsoft.com
# (also aka.ms/mysecurityinfo, aka.ms/mfasetup) and login.microsoftonline.com.
[phishing.lookalike_domain]
class = phishing_report
priority = 90
pattern = \bmy-?sign-?ins?[-_][a-z0-9-]*\.[a-z]{2,}
pattern = \bmy-sign-?ins?[a-z0-9-]*\.[a-z]{2,}
pattern = \bmysignins\.(microsoft(-|\.com?[.-][a-z0-9]|\.co\b|\.[abd-z])|[a-ln-z0-9])
pattern = \bmysecurityinfo[-_.][a-z0-9-]*\.[a-z]{2,}
pattern = \blogin-microsoftonline|\bmicrosoftonline-[a-z0-9-]*\.[a-z]{2,}|\blogin\.microsoftonline\.com[.-][a-z0-9]
sample = Got an email to re-verify MFA at mysignins-verify.account-help.com
sample = mysignins-verify.account-help.com won't load
sample = Text says my account will be closed, link goes to my-signins-microsoft.co
sample = Is mysecurityinfo-login.net a real Microsoft site?
sample = Teams chat sent me to mysignins.microsoft.com.verify-session.ru
sample = the page was login-microsoftonline.com/common and looked real
sample = Correo con enlace a my-signins.com para reactivar MFA
not = mysignins.microsoft.com won't load
not = https://mysignins.microsoft.com/security-info gives an error
not = aka.ms/mysecurityinfo does not open
not = https://login.microsoftonline.com/common/oauth2 returns 504
not = I went to my sign-ins page

########## mfa_prompts

[prompts.en]
class = mfa_prompts
priority = 80
pattern = (mfa|push|authenticator|2fa) (fatigue|bombing|spam(ming)?|flood(ing)?)
pattern = (too many|multiple|repeated|constant|endless|random|unexpected|unsolicited|unknown|strange|weird|several|non-?stop) (mfa|authenticator|approval|sign-?in|login|push|verification|2fa|auth|microsoft authenticator) (prompts?|requests?|notifications?|approvals?|pop-?ups?)
pattern = too many (prompts|approval requests|push notifications|mfa requests)
pattern = (prompts?|requests?|notifications?|approvals?)\b[^\n.!?;]*\b(i|we|they|user|she|he) (did ?n['’]?t|did not|never|have not|haven['’]?t) (initiate|initiated|request|requested|start|started|trigger|triggered|make|made)
pattern = keeps? (getting|receiving) [^\n.!?;]*(mfa|authenticator|approval|prompts|push)
sample = Getting too many MFA prompts
sample = Unexpected approval requests in Authenticator
sample = I keep receiving notifications I did not initiate
sample = possible MFA fatigue attack
not = Multiple requests for a new laptop

[prompts.es]
class = mfa_prompts
priority = 80
pattern = (solicitudes|notificaciones|avisos|peticiones) (de )?(aprobaci[oó]n|autenticaci[oó]n|mfa|inicio de sesi[oó]n|authenticator)?[^\n.!?;]*(inesperad[oa]s|que no (he |hice |hab[ií]a )?(solicitado|pedido|iniciado))
pattern = demasiad[oa]s (solicitudes|notificaciones|avisos|peticiones)
pattern = no (dejo|paro) de recibir (solicitudes|notificaciones|avisos)
sample = Recibo solicitudes de aprobación inesperadas en Authenticator
sample = Demasiadas notificaciones de MFA
sample = no paro de recibir notificaciones que no he solicitado
not = Solicitud de nuevo portátil

[prompts.pt]
class = mfa_prompts
priority = 80
pattern = (solicita[çc][õo]es|notifica[çc][õo]es|pedidos) (de )?(aprova[çc][ãa]o|autentica[çc][ãa]o|mfa|login)?[^\n.!?;]*(inesperad[oa]s|que n[ãa]o (solicitei|pedi|fiz))
pattern = muit[oa]s (solicita[çc][õo]es|notifica[çc][õo]es|pedidos) (de )?(aprova[çc][ãa]o|autentica[çc][ãa]o|mfa|login|do mfa|do authenticator)
pattern = n[ãa]o paro de receber (solicita[çc][õo]es|notifica[çc][õo]es|pedidos)
sample = Recebendo solicitações de aprovação inesperadas no Authenticator
sample = muitas notificações do MFA
sample = notificações que não solicitei no celular
not = Solicitação de novo notebook

[prompts.de]
class = mfa_prompts
priority = 80
pattern = (unerwartete|st[äa]ndige|zu viele|unaufgeforderte|wiederholte|dauernde|fremde) (mfa-?|authenticator-?|push-?|anmelde-?)?(anfragen|benachrichtigungen|genehmigungsanfragen|aufforderungen|best[äa]tigungsanfragen)
pattern = (mfa|push)-?(m[üu]digkeit|bombing)
sample = Unerwartete MFA-Anfragen im Authenticator
sample = zu viele Push-Benachrichtigungen
sample = Ständige Genehmigungsanfragen, die ich nicht ausgelöst habe
not = Anfrage für neuen Laptop

[prompts.fr]
class = mfa_prompts
priority = 80
pattern = (demandes|notifications|requ[êe]tes) (d['’]approbation |mfa |d['’]authentification |de connexion |authenticator )?(inattendues|non sollicit[ée]es|que je n['’]ai pas (demand[ée]es|initi[ée]es))
pattern = trop de (demandes|notifications|requ[êe]tes)
pattern = fatigue (mfa|d['’]authentification)
sample = Je reçois des demandes d'approbation inattendues
sample = Trop de notifications MFA
sample = attaque par fatigue MFA ?
not = Demande de nouveau matériel

########## portal_unreachable

# 502/503/504 next to an identity word.
[portal.http_5xx_identity]
class = portal_unreachable
priority = 75
pattern = (mfa|security info|sign-?in|authenticator|registration|registro|registrierung|enregistrement|mysignins|aka\.ms)[^\n]*\b50[234]\b
pattern = \b50[234]\b[^\n]*(mfa|security info|sign-?in|authenticator|registration|registro|registrierung|enregistrement)
sample = MFA registration: 504
sample = Graph returns 503 when I register the Authenticator
not = 503 errors from the billing API

# A bare 502/503/504 (in an outage, tickets often say only that), unless it is about
# another system: "503 errors from the billing API" is not the security-info portal.
[portal.http_5xx]
class = portal_unreachable
priority = 75
pattern = \b(http|error|code|status|erro|erreur|fehler|c[oó]digo)\s*:?\s*50[234]\b
pattern = \b50[234]\s*[-:]?\s*(gateway|bad gateway|service unavailable|error|erro|erreur|fehler|time-?out)
pattern = gateway\s*time-?\s*out|bad gateway
pattern = ^\s*(http |error )?50[234]\s*$
unless = \b(apis?|billing|invoic(e|es|ing)|intranet|sharepoint|wiki|erp|crm|sap|salesforce|jira|confluence|jenkins|gitlab|github|grafana|kibana|database|sql|payroll|printers?|print server|web ?shop|online shop|checkout|back-?end|load balancer|nginx|iis|apache|kubernetes|k8s|citrix|vpn)\b
unless = \b(facturaci[oó]n|faturamento|abrechnung|rechnungs?\w*|facturation|n[oó]mina|folha de pagamento|lohnabrechnung|paie)\b
sample = HTTP 504 when opening the page
sample = 504
sample = 504 Gateway Timeout on mysignins
sample = Error 502 bad gateway
sample = Fehler 504 beim Öffnen
not = Room 504 projector broken
not = 503 errors from the billing API
not = Service unavailable 503 on the intranet
not = API returns HTTP 503
not = Error 502 from the SAP backend
not = Error 503 en la API de facturación

[portal.mysignins]
class = portal_unreachable
priority = 75
pattern = (mysignins|my ?sign-?ins|mysecurityinfo|aka\.ms/(mfasetup|setupsecurityinfo|mysecurityinfo|mysignins|proofup)|myprofile\.microsoft)[^\n]*(error|erro|erreur|fehler|fail|falla|falha|[ée]chec|down\b|unavailable|not (load|work|open|respond)|does ?n['’]?t (load|work|open|respond)|not (loading|working|responding)|won['’]?t|time-?\s*out|timed out|timing out|504|blank|spinning|no carga|n[ãa]o carrega|ne (se )?charge pas|l[äa]dt nicht|nicht erreichbar|inaccessible|indisponible|fora do ar)
pattern = (error|fail|cannot|can['’]?t|unable to|won['’]?t|not able to|no (puedo|carga)|n[ãa]o (consigo|carrega)|impossible d|kann nicht|nicht erreichbar)[^\n]*(mysignins|my ?sign-?ins|mysecurityinfo|aka\.ms/(mfasetup|setupsecurityinfo|mysecurityinfo|mysignins|proofup))
unless = you can['’]?t get there from here|conditional access|\b(aadsts)?(53003|53004|53010)\b
sample = mysignins.microsoft.com won't load
sample = aka.ms/mfasetup gives an error
sample = Cannot reach My Sign-Ins
sample = mysignins no carga
sample = mysignins doesn't work
not = How do I use mysignins to add a phone?

# A bare mention of the security-info portal: below mfa_setup, above signin_failure.
# The portal rules step aside when a policy blocks the page ("You can't get there from
# here", Conditional Access, AADSTS53003/53004/53010): that is setup.blocked, not an outage.
[portal.mysignins_mention]
class = portal_unreachable
priority = 55
pattern = mysignins|my ?sign-?ins|mysecurityinfo|aka\.ms/(mfasetup|setupsecurityinfo|mysecurityinfo|mysignins|proofup)
unless = how (do|can|to|should)|where (do|can|is)|c[oó]mo |comment |wie (kann|k[öo]nnen|geht)
unless = you can['’]?t get there from here|conditional access|\b(aadsts)?(53003|53004|53010)\b
sample = mysignins
sample = Cannot sign in to mysignins.microsoft.com
not = How do I use mysignins to add a phone?

[portal.en]
class = portal_unreachable
priority = 75
pattern = (security info(rmation)?|sign-?in methods?|(mfa|authenticator|2fa) (setup|registration|enrol?ment)|my account|my profile) (page|portal|site|website|screen|wizard)?[^\n]*(won['’]?t|will not|does ?n['’]?t|doesn['’]?t|did ?n['’]?t|can['’]?t|cannot|unable to|fails? to|failed to|is not|isn['’]?t|not) (load|open|respond|come up|be reached|reachable|accessible|loading|responding|available)
pattern = (security info(rmation)?|sign-?in methods?|(mfa|authenticator|2fa) (setup|registration|enrol?ment)) (page|portal|site|website|screen|wizard)?[^\n]*(times? out|timed out|timing out|keeps? (loading|spinning)|blank (page|screen)|is down|unreachable|inaccessible|unavailable)
pattern = (can['’]?t|cannot|unable to|not able to) (open|load|reach|access|get to) (the )?(security info(rmation)?|sign-?in methods|mfa (setup|registration)) (page|portal|site)
unless = you can['’]?t get there from here|conditional access|\b(aadsts)?(53003|53004|53010)\b
sample = Security info page won't load
sample = MFA registration page times out
sample = Cannot open the security info page
sample = The MFA setup screen keeps spinning
not = How do I update my security info?

[portal.es]
class = portal_unreachable
priority = 75
pattern = (p[aá]gina|portal|sitio) (de )?(informaci[oó]n de seguridad|seguridad|mfa|registro( de mfa)?|mis inicios de sesi[oó]n)[^\n]*(no (carga|abre|responde|funciona|est[aá] disponible)|tiempo de espera|ca[ií]d[oa])
pattern = no (carga|abre|puedo abrir|puedo acceder a) (la )?(p[aá]gina|portal) de (informaci[oó]n de seguridad|seguridad|mfa|registro)
pattern = tiempo de espera de (la )?puerta de enlace
sample = La página de información de seguridad no carga
sample = No puedo abrir la página de registro de MFA
sample = portal de seguridad caído desde las 6
not = ¿Cómo actualizo mi información de seguridad?

[portal.pt]
class = portal_unreachable
priority = 75
pattern = (p[aá]gina|portal|site) (de |das |dos )?(informa[çc][õo]es de seguran[çc]a|seguran[çc]a|mfa|registro|minhas entradas)[^\n]*(n[ãa]o (carrega|abre|responde|funciona|est[aá] dispon[ií]vel)|tempo limite|fora do ar|indispon[ií]vel)
pattern = n[ãa]o (consigo )?(abrir|acessar|carregar) (a )?(p[aá]gina|portal) (de |das )?(informa[çc][õo]es de seguran[çc]a|seguran[çc]a|mfa|registro)
sample = A página de informações de segurança não carrega
sample = Não consigo acessar a página de registro do MFA
sample = Portal de segurança fora do ar
not = Como atualizo minhas informações de segurança?

[portal.de]
class = portal_unreachable
priority = 75
pattern = (sicherheitsinformationen|sicherheitsinfos?|mfa-?einrichtung|mfa-?registrierung|meine anmeldungen)[^\n]*(l[äa]dt nicht|nicht (erreichbar|verf[üu]gbar|laden|geladen|aufrufbar|öffnen)|zeit[üu]berschreitung|timeout|l[äa]dt endlos)
pattern = gateway-?(zeit[üu]berschreitung|timeout)
sample = Seite für Sicherheitsinformationen lädt nicht
sample = MFA-Registrierung nicht erreichbar
sample = Gateway-Zeitüberschreitung
not = Wie ändere ich meine Sicherheitsinformationen?

[portal.fr]
class = portal_unreachable
priority = 75
pattern = (informations de s[ée]curit[ée]|inscription mfa|enregistrement mfa|mes connexions)[^\n]*(ne (se )?charge pas|inaccessible|ne r[ée]pond pas|ne s['’]ouvre pas|indisponible|d[ée]lai d['’]attente|page blanche)
pattern = d[ée]lai d['’]attente de la passerelle|passerelle (incorrecte|expir[ée]e)
sample = La page des informations de sécurité ne se charge pas
sample = Inscription MFA inaccessible
sample = Délai d'attente de la passerelle dépassé
not = Comment modifier mes informations de sécurité ?

########## lockout

[lockout.en]
class = lockout
priority = 70
pattern = locked out|lock(ed)? (me|him|her|them|us) out
pattern = account (is |has been |got |was |appears |seems |now |to be |temporarily )*(locked|blocked|disabled|suspended)
pattern = (unlock|re-?enable|unblock) (my |the |his |her |their |user['’]?s? )?(account|user)
pattern = account lock-?out|lockout
pattern = too many (failed|incorrect|wrong|invalid|unsuccessful) (sign-?in |login |logon |password )?(attempts|tries)
unless = conditional access|\bca polic(y|ies)\b|not compliant|non-?compliant
sample = User locked out after password change
sample = Please unlock my account
sample = My account is temporarily locked
not = Account blocked by Conditional Access on my phone
sample = Account has been locked
sample = too many failed sign-in attempts
not = The door lock of room 3 is broken

[lockout.es]
class = lockout
priority = 70
pattern = cuenta (est[aá] |ha sido |fue |qued[oó] |se ha )?(bloqueada|bloqueado|deshabilitada|desactivada)
pattern = bloque[oó] (mi|la|su) cuenta|desbloque(ar|o|en) (mi |la |su )?(cuenta|usuario)
pattern = demasiados intentos
sample = Mi cuenta está bloqueada
sample = cuenta bloqueada tras cambiar la contraseña
sample = Por favor desbloquear mi cuenta
not = La impresora está bloqueada

[lockout.pt]
class = lockout
priority = 70
pattern = conta (est[aá] |foi |ficou )?(bloqueada|desativada|travada|suspensa)
pattern = desbloque(ar|io|iem|ie) (a |minha |sua )?(conta|usu[áa]rio)
pattern = muitas tentativas
sample = Conta bloqueada após trocar a senha
sample = Preciso desbloquear minha conta
not = Impressora travada

[lockout.de]
class = lockout
priority = 70
pattern = (konto|account|benutzerkonto|zugang|benutzer)\s+(ist |wurde )?(gesperrt|deaktiviert)
pattern = gesperrt|kontosperre|kontosperrung|entsperr(en|ung)
unless = bedingte[nr]? zugriff|conditional access|konform|registrier
sample = Mein Konto ist gesperrt
sample = Bitte Benutzerkonto entsperren
sample = Account gesperrt nach zu vielen Versuchen
not = Drucker funktioniert nicht
not = Zugriff durch bedingten Zugriff gesperrt

# The lockout codes users paste (AADSTS50053 locked, 50057 disabled) and the page's words.
[lockout.codes]
class = lockout
priority = 70
pattern = \b(aadsts)?(50053|50057)\b
pattern = you['’]?ve tried to sign in too many times|tried to sign in too many times with an incorrect
sample = Outlook says AADSTS50053
sample = error 50057 when I log in
sample = You've tried to sign in too many times with an incorrect user ID or password
not = Error 50058 on Teams

[lockout.fr]
class = lockout
priority = 70
pattern = (compte|session|utilisateur) (est |a [ée]t[ée] |s['’]est )?(verrouill[ée]|bloqu[ée]|d[ée]sactiv[ée])
pattern = verrouill[ée]|d[ée]verrouill(er|age)|d[ée]bloquer (mon |le |son )?compte
pattern = trop de tentatives
sample = Mon compte est verrouillé
sample = Compte bloqué après plusieurs tentatives
sample = Merci de déverrouiller mon compte
not = L'imprimante est en panne

########## mfa_setup

# Registration blocked by policy: the Conditional Access "register security information" user
# action, AADSTS53004/53010, the portal's "We are currently unable to collect additional
# security information. Your organization requires this information to be set from specific
# locations or devices." Before setup.en so that these name the block.
[setup.blocked]
class = mfa_setup
priority = 60
pattern = (register|registering|registration|set ?up|setting up|add|adding|enrol?l|enrol?ling)\b[^\n.!?;]*\b(security info(rmation)?|mfa|multi-?factor|2fa|authenticator|sign-?in methods?|authentication methods?|passkey)\b[^\n.!?;]*\b(blocked|not allowed|not permitted|denied|prevented|restricted|disabled by)
pattern = (blocked|not allowed|not permitted|prevented|prevents|restricted)\b[^\n.!?;]*\b(register|registering|registration|set ?up|setting up|adding|enrol?l|enrol?ling)\b[^\n.!?;]*\b(security info(rmation)?|mfa|multi-?factor|2fa|authenticator|sign-?in methods?|authentication methods?|passkey)
pattern = (can['’]?t|cannot|can not|unable to|not able to|not allowed to)\b[^\n.!?;]*\b(register|add|set ?up)\b[^\n.!?;]*\b(security info(rmation)?|mfa|authenticator|sign-?in methods?)\b[^\n.!?;]*\bfrom (this|your|my|a|the|here|home|outside)\b
pattern = unable to collect (additional )?security info|to be (set|done|registered|completed) from (specific|trusted|certain|approved) (locations|networks|devices)|cannot configure multi-?factor authentication methods|does ?n['’]?t meet the criteria to add an account to|does not meet the criteria to add an account to|proof-?up (is )?blocked
pattern = \b(aadsts)?(53004|53010)\b
pattern = (mysignins|my sign-?ins|security info(rmation)? (page|portal|site)|aka\.ms/(mfasetup|setupsecurityinfo|mysecurityinfo|proofup))[^\n]*(you can['’]?t get there from here|conditional access|\b(aadsts)?53003\b|\bblocked\b)|(you can['’]?t get there from here|conditional access|\bblocked\b)[^\n]*(mysignins|my sign-?ins|security info(rmation)? (page|portal|site)|aka\.ms/(mfasetup|setupsecurityinfo|mysecurityinfo|proofup))
# es
pattern = (registr\w*|configur\w*|a[ñn]adir|agregar|dar de alta)\b[^\n.!?;]*(informaci[oó]n de seguridad|mfa|authenticator|m[eé]todos? de (autenticaci[oó]n|inicio de sesi[oó]n)|doble factor)[^\n.!?;]*(bloquead[oa]|no (est[aá] |es )?permitid[oa]|no se permite|restringid[oa]|denegad[oa])
pattern = (bloque[aóo]\w*|impide)\b[^\n.!?;]*(registr\w*|configurar|a[ñn]adir)[^\n.!?;]*(informaci[oó]n de seguridad|mfa|authenticator|m[eé]todos?)
pattern = no (podemos|se puede|es posible) recopilar[^\n.!?;]*informaci[oó]n de seguridad
# pt
pattern = (registr\w*|cadastr\w*|configur\w*|adicionar)\b[^\n.!?;]*(informa[çc][õo]es de seguran[çc]a|mfa|authenticator|m[ée]todos? de (autentica[çc][ãa]o|entrada))[^\n.!?;]*(bloquead[oa]|n[ãa]o (é |est[aá] )?permitid[oa]|restrit[oa]|negad[oa])
pattern = (bloque\w*|impede|impediu)\b[^\n.!?;]*(registr\w*|cadastr\w*|configurar|adicionar)[^\n.!?;]*(informa[çc][õo]es de seguran[çc]a|mfa|authenticator|m[ée]todos?)
pattern = n[ãa]o (podemos|[ée] poss[ií]vel) coletar[^\n.!?;]*informa[çc][õo]es de seguran[çc]a
# de
pattern = (sicherheitsinformationen|mfa|authenticator|anmeldemethoden?|authentifizierungsmethoden?)\b[^\n.!?;]*(registrier|einricht|hinzuf[üu]g)\w*[^\n.!?;]*(blockiert|nicht (erlaubt|zul[äa]ssig|gestattet)|verweigert|verhindert)
pattern = (registrier|einricht|hinzuf[üu]g)\w*[^\n.!?;]*(sicherheitsinformationen|mfa|authenticator|anmeldemethoden?)\b[^\n.!?;]*(blockiert|nicht (erlaubt|zul[äa]ssig|gestattet)|verweigert|verhindert)
pattern = keine zus[äa]tzlichen sicherheitsinformationen
# fr
pattern = (enregistr|inscri|configur|ajout)\w*[^\n.!?;]*(informations de s[ée]curit[ée]|mfa|authenticator|m[ée]thodes? (d['’]authentification|de connexion))[^\n.!?;]*(bloqu[ée]e?s?|non autoris[ée]e?s?|pas autoris[ée]e?s?|refus[ée]e?s?|interdite?s?|emp[eê]ch[ée]e?s?)
pattern = (bloqu|emp[eê]ch|interdi)\w*[^\n.!?;]*(enregistr|inscri|configur|ajout)\w*[^\n.!?;]*(informations de s[ée]curit[ée]|mfa|authenticator|m[ée]thodes?)
pattern = impossible de (collecter|recueillir)[^\n.!?;]*informations de s[ée]curit[ée]
sample = I can't register security info, it says my admin blocked it
sample = You cannot register security info from this location
sample = We are currently unable to collect additional security information. Your organization requires this information to be set from specific locations or devices.
sample = AADSTS53004 when adding the Authenticator app
sample = mysignins says You can't get there from here
sample = Registering MFA is blocked from home
sample = No puedo registrar la información de seguridad, dice que está bloqueado
sample = O registro do MFA foi bloqueado pelo administrador
sample = Registrierung der Sicherheitsinformationen blockiert
sample = L'enregistrement des informations de sécurité est bloqué
not = How do I register security info?
not = Blocked sender keeps emailing me
not = Please add me to the MFA pilot group

# Sign-in interrupted until the user enrols (AADSTS50079/50072) or the registration wizard.
[setup.codes]
class = mfa_setup
priority = 60
pattern = \b(aadsts)?(50079|50072)\b
pattern = must (enroll|enrol|register) (in|for) (mfa|multi-?factor|two-?factor|2fa)|needs to enroll for second factor|needs more information to keep your account secure|keep your account secure
pattern = necesita m[aá]s informaci[oó]n para mantener|precisa de mais informa[çc][õo]es para manter|ben[öo]tigt weitere informationen zum schutz|besoin de plus d['’]informations pour (pr[ée]server|prot[ée]ger)
sample = AADSTS50079 on every sign-in
sample = Your organization needs more information to keep your account secure
sample = Stuck on "Keep your account secure" after the QR code
sample = Su organización necesita más información para mantener la seguridad de su cuenta
not = Error AADSTS50076

[setup.en]
class = mfa_setup
priority = 60
pattern = (can['’]?t|cannot|can not|unable to|not able to|fail(ed|s|ing)? to|trouble|problems?|issues?|help( me)?|how (do i|to)|need to|error|stuck) [^\n.!?;]*(set ?up|setting up|configure|configuring|register|registering|re-?register|enroll|enrolling|add|adding|activate|activating|complete|finish)\b[^\n.!?;]*(mfa|multi-?factor|2fa|two-?factor|2-step|two-step|authenticator|security info|authentication methods?|passkey|fido)
pattern = (mfa|multi-?factor|2fa|two-?factor|authenticator|security info|passkey) (set ?up|registration|enrol?ment|configuration|activation) [^\n.!?;]*(fail|error|issue|problem|not working|won['’]?t|does ?n['’]?t|stuck|loop)
pattern = (sign|mfa|authenticator|microsoft|screen|prompt|stuck|loop|window)[^\n.!?;]*more information (is )?required|more information (is )?required[^\n.!?;]*(sign|mfa|authenticator|microsoft|screen|prompt|loop|window)
pattern = (new|replaced|lost|changed|broken) (phone|mobile|device|smartphone|iphone|android)\b[^\n.!?;]*(authenticator|mfa|2fa)
pattern = (authenticator|mfa|2fa)[^\n.!?;]*\b(new|replaced|lost|changed) (phone|mobile|device|smartphone)
pattern = (set ?up|setting up|register|registering|registration|enrol?l|enrol?ling|enrol?lment|adding)\b[^\n.!?;]*\b(mfa|multi-?factor|2fa|authenticator|security info|phone number)\b[^\n.!?;]*\b(sms|texts?|codes?|calls?)\b[^\n.!?;]*\b(never|not|does ?n['’]?t|did ?n['’]?t|won['’]?t|isn['’]?t)\b
sample = Can't set up MFA
sample = Unable to register the Authenticator app
sample = Security info registration error
sample = Stuck on More information required screen
not = Please send the form, more information required. Thanks
sample = Got a new phone, need to move Authenticator
sample = Trying to set up MFA but the SMS code never arrives
not = Cannot sign in to Outlook

[setup.es]
class = mfa_setup
priority = 60
pattern = no (puedo|consigo|logro|me deja) [^\n.!?;]*(configurar|registrar|activar|a[ñn]adir|agregar|dar de alta)\b[^\n.!?;]*(mfa|autenticaci[oó]n|authenticator|m[eé]todo|informaci[oó]n de seguridad|doble factor|segundo factor|verificaci[oó]n en dos pasos)
pattern = (configuraci[oó]n|registro|alta) (de |del )?(la )?(mfa|autenticaci[oó]n multifactor|doble factor|authenticator|verificaci[oó]n en dos pasos)[^\n.!?;]*(error|falla|fallo|no funciona)
pattern = error (en|al) (el )?(registro|registrar|configurar|configuraci[oó]n) (de |del |el |la )?(mfa|authenticator|autenticaci[oó]n)
pattern = se requiere m[aá]s informaci[oó]n[^\n.!?;]*(sesi[oó]n|mfa|authenticator|microsoft|pantalla|bucle)|(sesi[oó]n|mfa|authenticator|microsoft|pantalla|bucle)[^\n.!?;]*se requiere m[aá]s informaci[oó]n
pattern = (registr\w*|configur\w*)\b[^\n.!?;]*(mfa|authenticator|tel[eé]fono)[^\n.!?;]*(sms|c[oó]digo)[^\n.!?;]*no (me )?(llega|lleg[oó]|ha llegado)
sample = No puedo configurar MFA
sample = no puedo registrar la autenticación multifactor
sample = Error en el registro de Authenticator
sample = Se requiere más información al iniciar sesión
sample = Al registrar el MFA el código SMS no me llega
not = No puedo iniciar sesión

[setup.pt]
class = mfa_setup
priority = 60
pattern = n[ãa]o (consigo|estou conseguindo|pude|posso) [^\n.!?;]*(configurar|registrar|cadastrar|ativar|adicionar)\b[^\n.!?;]*(mfa|autentica[çc][ãa]o|authenticator|m[ée]todo|informa[çc][õo]es de seguran[çc]a|dois fatores|segundo fator)
pattern = (erro|falha) (no|ao|na) (registro|cadastro|configura[çc][ãa]o|configurar|registrar|cadastrar) (do |da |o |a )?(mfa|authenticator|autentica[çc][ãa]o)
pattern = (tela|mfa|authenticator|microsoft|login|loop)[^\n.!?;]*mais informa[çc][õo]es (s[ãa]o )?necess[áa]rias|mais informa[çc][õo]es (s[ãa]o )?necess[áa]rias[^\n.!?;]*(tela|mfa|authenticator|microsoft|login|loop)
sample = não consigo registrar autenticação
sample = Não consigo configurar o MFA
sample = Erro ao registrar o Authenticator
sample = Tela de mais informações necessárias não sai
not = Não consigo fazer login

[setup.de]
class = mfa_setup
priority = 60
pattern = (authenticator|mfa|multi-?faktor(-?authentifizierung)?|zwei-?faktor(-?authentifizierung)?|2fa|sicherheitsinformationen)[^\n.!?;]*(einrichten|einrichtung|registrieren|registrierung|hinzuf[üu]gen|konfigurieren)
pattern = (einrichten|einrichtung|registrierung|registrieren) (von |der |des |vom )?[^\n.!?;]*(authenticator|mfa|multi-?faktor|zwei-?faktor)
pattern = (anmeld|mfa|authenticator|microsoft|fenster|bildschirm|schleife)[^\n.!?;]*weitere informationen erforderlich|weitere informationen erforderlich[^\n.!?;]*(anmeld|mfa|authenticator|microsoft|fenster|bildschirm|schleife)
sample = Authenticator einrichten funktioniert nicht
sample = Anmeldung hängt bei "Weitere Informationen erforderlich"
sample = Kann MFA nicht einrichten
sample = Fehler bei der Registrierung der Multi-Faktor-Authentifizierung
not = Kann mich nicht anmelden

[setup.fr]
class = mfa_setup
priority = 60
pattern = (impossible d[e'’]|je n['’]arrive pas [àa]|je ne (peux|parviens) pas [àa]?|n['’]arrive pas [àa]|[ée]chec de|erreur (lors )?de) ?[^\n.!?;]*(configurer|enregistrer|activer|ajouter|param[ée]trer|l['’]enregistrement|la configuration|l['’]inscription|l['’]activation)\b[^\n.!?;]*(authentification|mfa|authenticator|m[ée]thode|informations de s[ée]curit[ée]|double facteur)
pattern = (connexion|mfa|authenticator|microsoft|[ée]cran|boucle)[^\n.!?;]*plus d['’]informations (sont )?(requises|n[ée]cessaires)|plus d['’]informations (sont )?(requises|n[ée]cessaires)[^\n.!?;]*(connexion|mfa|authenticator|microsoft|[ée]cran|boucle)
sample = impossible de configurer l'authentification multifacteur
sample = Je n'arrive pas à enregistrer Authenticator
sample = Échec de l'enregistrement MFA
sample = Écran « Plus d'informations requises » en boucle à la connexion
not = Impossible de me connecter

########## signin_failure
# The specific rules (51-53) name the cause; signin.en and its translations catch the rest.

# Device compliance: AADSTS53000/53001, Intune / Company Portal and the sign-in page's words.
[signin.device]
class = signin_failure
priority = 53
pattern = (device|laptop|phone|mobile|pc|computer|machine|ipad|iphone|android|macbook|tablet|workstation)\b( \S+){0,3} (not compliant|non-?compliant|noncompliant|out of compliance)
pattern = (not compliant|non-?compliant|noncompliant|out of compliance)\b[^\n.!?;]*\b(device|laptop|phone|mobile|pc|computer|machine|ipad|iphone|android|tablet)
pattern = (does ?n['’]?t|does not|do not|don['’]?t) meet (your |the |our |my )?organi[sz]ation['’]?s? compliance (requirements|polic)
pattern = device must comply with|help us keep your device secure|set up your device to get access|register or enroll your device|requires you to secure this device
pattern = (requires?|required) (your |the |my |this )?device (requesting access )?to be (managed|compliant|registered|enrolled|marked as compliant)|device (is )?required to be (managed|compliant|registered)|device (needs to|must|has to) be (managed|compliant|enrolled|registered|marked as compliant)
pattern = device is not in (the )?required (device )?state|device isn['’]?t up to date with your organi[sz]ation
pattern = \b(aadsts)?5300[01]\b
# es
pattern = dispositivo( \S+){0,3} no (es |est[aá] )?(conforme|en cumplimiento|administrado)|(no conforme|incumplimiento)[^\n.!?;]*dispositivo|no cumple (con )?(los )?requisitos de cumplimiento|dispositivo (debe|tiene que) (estar |ser )?(administrado|conforme|inscrito|registrado)
# pt
pattern = dispositivo( \S+){0,3} n[ãa]o (est[aá] |[ée] )?(em conformidade|conforme|gerenciado)|(n[ãa]o conforme|fora de conformidade)[^\n.!?;]*dispositivo|n[ãa]o (atende|cumpre) (aos |os )?requisitos de conformidade|dispositivo (precisa|deve) (ser|estar) (gerenciado|registrado|em conformidade)
# de
pattern = ger[äa]t\b( \S+){0,3} nicht (konform|richtlinienkonform|compliant|verwaltet)|nicht (konforme[sn]?|richtlinienkonforme[sn]?) ger[äa]t|compliance-?anforderungen|ger[äa]t (muss|soll) (verwaltet|konform|registriert)
# fr
pattern = (appareil|poste|pc|ordinateur|t[ée]l[ée]phone)\b( \S+){0,3} (non conforme|n['’]est pas conforme|pas conforme|non g[ée]r[ée])|non conforme[^\n.!?;]*(appareil|poste|pc|ordinateur)|exigences de conformit[ée]|appareil (doit|soit) (être )?(g[ée]r[ée]|conforme|inscrit)
sample = Laptop shows as not compliant in Company Portal, Outlook won't open
sample = Your device is required to be compliant to access this resource
sample = This device does not meet your organization's compliance requirements
sample = Help us keep your device secure
sample = Teams: AADSTS53000
sample = Mi portátil aparece como dispositivo no conforme
sample = O dispositivo não está em conformidade e o Outlook não abre
sample = Gerät ist nicht konform, kein Zugriff auf Teams
sample = Mon PC est non conforme, impossible d'ouvrir Outlook
not = Need a compliance report for the audit
not = Is my personal phone allowed under the BYOD policy?

# Conditional Access blocks: AADSTS53003 (and 53002, 530032) and the sign-in page's words.
[signin.ca_block]
class = signin_failure
priority = 52
pattern = (blocked|denied|prevented) by (a |the |our |your )?(conditional access|ca polic)
pattern = conditional access (polic(y|ies) )?(is |are |has |have |keeps? )?(blocking|blocks|blocked|denying|denied|preventing|prevents)
pattern = \bca polic(y|ies)\b[^\n.!?;]*\b(block|prevent|den(y|ies|ied))
pattern = you can['’]?t get there from here|you cannot get there from here
pattern = you (cannot|can['’]?t|can not) access this right now|you can['’]?t get to this yet
pattern = (does ?n['’]?t|does not) meet the criteria to access this resource
pattern = security policy is preventing access|additional sign-?in methods are required to access this resource|authentication policy cannot be fulfilled
pattern = your sign-?in was blocked|sign-?in (was |is |got |has been |keeps getting )?blocked
pattern = restricted by your (admin|administrator)
pattern = \b(aadsts)?53003\b|\baadsts(53002|530032)\b
# es
pattern = acceso condicional[^\n.!?;]*(bloque|impid|impide|deneg)|(bloquead[oa]|denegad[oa]|impedid[oa]) por (el |la |una |las |los )?(directivas? |pol[ií]ticas? )?(de )?acceso condicional
pattern = no cumple (con )?los criterios (para|de) acce(der|so)|inicio de sesi[oó]n (fue |ha sido |est[aá] |se ha )?bloquead[oa]|se bloque[oó] (el|mi|su) inicio de sesi[oó]n
# pt
pattern = acesso condicional[^\n.!?;]*(bloque|imped|impe|neg)|(bloquead[oa]|negad[oa]|impedid[oa]) pel[oa]s? (pol[ií]ticas? (de )?)?acesso condicional
pattern = n[ãa]o atende (a|aos) crit[ée]rios (para|de) acess|(sua |minha )?entrada foi bloqueada
# de
pattern = bedingte[nr]? zugriff[^\n.!?;]*(blockiert|gesperrt|verhindert|verweigert)|(blockiert|gesperrt|verhindert|verweigert) durch (den |die |eine )?(richtlinie (f[üu]r |des )?)?bedingten? zugriff
pattern = erf[üu]llt (aber |jedoch )?nicht die kriterien|anmeldung wurde blockiert|sie k[öo]nnen (momentan|derzeit|gerade|im moment) nicht (darauf )?zugreifen
# fr
pattern = acc[eè]s conditionnel[^\n.!?;]*(bloqu|emp[eê]ch|refus)|(bloqu|refus|emp[eê]ch)\w*[^\n.!?;]*acc[eè]s conditionnel
pattern = ne (r[ée]pond|remplit|satisfait) pas (aux|les) crit[eè]res|connexion a [ée]t[ée] bloqu[ée]e
sample = Access blocked by Conditional Access
sample = Outlook on the web: You can't get there from here
sample = You cannot access this right now. Your sign-in was successful but does not meet the criteria to access this resource.
sample = Your sign-in was blocked
sample = Teams on my phone shows error code: 53003
sample = Bloqueado por la directiva de acceso condicional
sample = Acesso condicional bloqueou o Teams no celular
sample = Zugriff durch bedingten Zugriff blockiert
sample = Connexion bloquée par l'accès conditionnel
not = Please grant access to the Finance share
not = Website blocked by the proxy

# SSO / SAML failures (AADSTS50105 not assigned, 75011 method mismatch, 700016 app not found),
# in all five languages: one pattern for "SSO ... fails", one for "error ... SSO".
[signin.sso]
class = signin_failure
priority = 52
pattern = \b(saml|sso|single sign-?on|einmalanmeldung|inicio de sesi[oó]n [uú]nico|logon [uú]nico|login [uú]nico|authentification unique)\b[^\n.!?;]*(error|fail|issue|problem|not working|does ?n['’]?t work|stopped working|invalid|broken|expired|loop|falla|fallo|no funciona|erro|falha|n[ãa]o funciona|fehler|fehlgeschlagen|funktioniert nicht|geht nicht|erreur|[ée]chec|ne fonctionne (pas|plus))
pattern = (\b(error|errors|fail(ed|s|ing|ure)?|invalid|broken|can['’]?t|cannot|unable|falla|fallo|erro|falha|fehler|erreur)\b|[ée]chec)[^\n.!?;]*\b(saml|sso|single sign-?on|einmalanmeldung|inicio de sesi[oó]n [uú]nico|logon [uú]nico|login [uú]nico|authentification unique)\b
pattern = \b(aadsts)?(50105|75011|700016|750054)\b|\baadsts(50011|90072|650056)\b
pattern = not assigned to a role for the application|(is|are) not assigned to (the|this) (application|app)|application with identifier\b[^\n]*\bwas not found in the directory|authentication method\b[^\n]*\bdoes ?n['’]?t match (the )?requested authentication method|(reply|redirect) (url|uri)\b[^\n.!?;]*does not match
sample = SAML error when opening Workday
sample = SSO not working for Salesforce
sample = AADSTS50105: the signed in user is not assigned to a role for the application
sample = Zoom login: AADSTS75011
sample = AADSTS700016: Application with identifier 'x' was not found in the directory
sample = El SSO de Salesforce no funciona
sample = Erro de SSO no Workday
sample = SAML-Fehler beim Öffnen von Workday
sample = Échec de l'authentification unique sur Workday
not = Please set up SSO for the new HR app
not = Request: enable single sign-on for Miro

# SMS, text, call or push codes that never arrive (while setting up MFA it is mfa_setup:
# setup outranks sign-in), and the throttling messages.
[signin.mfa_delivery]
class = signin_failure
priority = 51
pattern = (sms|texts?|text messages?|verification codes?|security codes?|one-?time (pass)?codes?|otp|codes?|(verification|mfa|authenticator|microsoft|2fa|approval|sign-?in) (calls?|push(es| notifications?)?|notifications?|requests?|prompts?|approvals?))\b[^\n.!?;]*\b(never (arrives?|arrived|came|comes)|(does ?n['’]?t|did ?n['’]?t|does not|did not|won['’]?t|will not|is not|isn['’]?t|are not|aren['’]?t|not) (arrive|arriving|come through|coming|coming through|get(ting)? through|being (sent|delivered|received)|delivered|received))
pattern = (not|never|no longer|stopped) (receiving|getting|get|receive|received|got)\b[^\n.!?;]*\b(sms|texts?|text messages?|verification codes?|security codes?|codes?|(verification|mfa|authenticator) (calls?|push(es| notifications?)?|notifications?|prompts?))\b
pattern = (did ?n['’]?t|did not|have ?n['’]?t|have not|has ?n['’]?t|has not) (get|got|receive|received|gotten)\b[^\n.!?;]*\b(sms|texts?|text messages?|verification codes?|codes?)\b
pattern = hit our limit on (text )?verification (codes|calls)|having trouble verifying your account
# es
pattern = no (me )?(llega|llegan|lleg[oó]|ha llegado|han llegado|recibo|he recibido|recib[ií])\b[^\n.!?;]*(sms|c[oó]digo|mensaje de texto|llamada de verificaci[oó]n)|(sms|c[oó]digo)[^\n.!?;]*no (me )?(llega|llegan|lleg[oó]|ha llegado)
# pt
pattern = n[ãa]o (estou recebendo|recebo|recebi|chega|chegou|est[aá] chegando)\b[^\n.!?;]*(sms|c[óo]digo|mensagem de texto)|(sms|c[óo]digo)[^\n.!?;]*n[ãa]o (chega|chegou|est[aá] chegando)
# de
pattern = (sms|code|best[äa]tigungscode|sicherheitscode|pr[üu]fcode|verifizierungscode)\b[^\n.!?;]*(kommt nicht|kommen nicht|nicht an(gekommen)?|kommt nie|ist nie angekommen)|(erhalte|bekomme|kriege) (keine?n?|nie eine?n?) (sms|code|best[äa]tigungscode|sicherheitscode|anruf)|keine sms (erhalten|bekommen|angekommen)
# fr
pattern = (je ne re[çc]ois (pas|plus|jamais)|pas re[çc]u|n['’]ai (pas|jamais) re[çc]u)\b[^\n.!?;]*(sms|code|texto)|(sms|code)[^\n.!?;]*n['’]arrive (pas|jamais|plus)
sample = not receiving the SMS code
sample = The verification code text never arrives
sample = I didn't get a text with the code
sample = You've hit our limit on text verification codes
sample = Authenticator push notifications never arrive when I sign in
sample = Outlook keeps asking for my password, the MFA approval never arrives
sample = No me llega el SMS con el código
sample = O código por SMS não chega
sample = Der SMS-Code kommt nicht an
sample = Le code SMS n'arrive pas
not = Not receiving emails from the vendor since Monday
not = Teams calls are not coming through
not = Need the QR code for the guest Wi-Fi

# MFA failed during sign-in (AADSTS500121) and "MFA / Authenticator not working".
[signin.mfa_failed]
class = signin_failure
priority = 51
pattern = \b(aadsts)?500121\b|authentication failed during (the )?strong authentication
pattern = (mfa|multi-?factor( authentication)?|2fa|two-?factor( authentication)?|authenticator( app)?) (authentication |verification |check |prompt |approval )?(fails|failed|failing|failure|keeps failing|not working|does ?n['’]?t work|won['’]?t work|stopped working|error)
pattern = (mfa|authenticator|doble factor) (falla|fall[oó]|no funciona|da error)|(mfa|authenticator) (falha|falhou|n[ãa]o funciona|d[áa] erro)|(mfa|authenticator|2fa)(-anmeldung)? (schl[äa]gt fehl|fehlgeschlagen|funktioniert nicht|geht nicht)|(mfa|authenticator|double authentification) ([ée]choue|ne fonctionne (pas|plus))
sample = Sign-in to Teams fails with AADSTS500121
sample = MFA keeps failing since this morning
sample = Authenticator app not working
sample = El MFA no funciona desde ayer
sample = MFA schlägt fehl
not = MFA training session next week

# "I forgot my password", "can't remember my password", expired password (AADSTS50055).
[signin.forgot_password]
class = signin_failure
priority = 51
pattern = (forgot|forgotten|forget|can['’]?t remember|cannot remember|can not remember|don['’]?t remember|do not remember|can['’]?t recall|lost)( my| the| his| her| their| our| your)?( (windows|office|microsoft|m365|o365|office 365|outlook|email|e-?mail|account|network|domain|login|logon|computer|laptop|pc|vpn|new|current|temporary))? (password|passcode|pin|pwd)\b
pattern = password (has |have )?(expired|expires today)|expired password|\b(aadsts)?50055\b
# es, pt, de, fr
pattern = (olvid[eé]|he olvidado|se me olvid[oó]|no recuerdo|no me acuerdo de)( mi| la| su)? contrase[ñn]a|contrase[ñn]a (olvidada|caducada|expirada|ha caducado|ha expirado|caduc[oó]|expir[oó])
pattern = (esqueci|esqueceu|n[ãa]o lembro|n[ãa]o me lembro)( d[aeo])?( minha| a| sua)? senha|senha (esquecida|expirada|expirou|venceu|vencida)
pattern = (passwort|kennwort) (vergessen|abgelaufen)|abgelaufene[sn]? (passwort|kennwort)|(passwort|kennwort) (ist |wurde )?(vergessen|abgelaufen)|(passwort|kennwort) nicht mehr (wei[ßs]|im kopf)
pattern = (oubli[ée]|perdu) (mon |le )?mot de passe|mot de passe (oubli[ée]|expir[ée]|a expir[ée])|ne (me )?(souviens|rappelle) (plus|pas) (de )?(mon )?mot de passe
unless = password manager|gestor de contrase[ñn]as|gerenciador de senhas|passwort-?manager|kennwort-?manager|gestionnaire de mots de passe
sample = I forgot my password
sample = Can't remember my Windows password
sample = Password expired, Outlook keeps asking
sample = Olvidé mi contraseña
sample = Esqueci minha senha
sample = Passwort vergessen
sample = J'ai oublié mon mot de passe
not = Which password manager should we use?
not = Question about our password policy: how often do we have to change it?
not = I forgot my password manager master password

[signin.en]
class = signin_failure
priority = 50
pattern = (can['’]?t|cannot|can not|unable to|not able to|fail(ed|s|ing)? to|trouble|problems?|issues?) (to )?(sign|log) ?(in|on|into)
pattern = (sign|log)-?(in|on) (fail(ed|s|ure)?|error|issue|problem|not working|loop)
pattern = (login|logon) (fail(ed|s|ure)?|error|issue|problem)
pattern = (invalid|incorrect|wrong) (password|credentials|username or password)
pattern = password (is )?(not (working|accepted)|does ?n['’]?t work|rejected)
pattern = aadsts\d{5,6}|error code:?\s*5\d{4,5}\b|authentication (failed|error)
pattern = (not (receiving|getting)|did ?n['’]?t (receive|get)|never (received|got))\b[^\n.!?;]*(mfa|verification|authenticator|sms|text|security) (code|notification|prompt|message|push)
pattern = (mfa|verification|sms) code (is )?(not (working|accepted)|invalid|rejected)
sample = Cannot sign in to Outlook
sample = Login failed with AADSTS50126
sample = Not receiving the MFA verification code
sample = wrong password error
not = Please install Visio

[signin.es]
class = signin_failure
priority = 50
pattern = no (puedo|consigo|logro) (iniciar sesi[oó]n|entrar|acceder|ingresar|loguearme)
pattern = error (al|de) (iniciar sesi[oó]n|inicio de sesi[oó]n|acceso)
pattern = (inicio de sesi[oó]n|autenticaci[oó]n) fallid[oa]
pattern = contrase[ñn]a (incorrecta|inv[aá]lida)
pattern = no (recibo|me llega) (el |la )?(c[oó]digo|sms|notificaci[oó]n)
sample = No puedo iniciar sesión en Teams
sample = No recibo el código de verificación
sample = Contraseña incorrecta
not = Instalar Visio

[signin.pt]
class = signin_failure
priority = 50
pattern = n[ãa]o (consigo|estou conseguindo|posso) (fazer login|logar|entrar|acessar|iniciar sess[ãa]o)
pattern = (erro|falha) (ao|de|no|na) (fazer )?(login|logon|acesso|autentica[çc][ãa]o|entrar)
pattern = senha (incorreta|inv[áa]lida)
pattern = n[ãa]o (recebo|estou recebendo|chega) (o |a )?(c[óo]digo|sms|notifica[çc][ãa]o)
sample = Não consigo fazer login no Outlook
sample = Erro ao fazer login
sample = Falha na autenticação
not = Instalar o Visio

[signin.de]
class = signin_failure
priority = 50
pattern = kann mich nicht (mehr )?(an|ein)melden
pattern = (anmeldung|login) (ist )?(fehlgeschlagen|nicht m[öo]glich|schl[äa]gt fehl|funktioniert nicht)
pattern = (falsches|ung[üu]ltiges) (kennwort|passwort)|(kennwort|passwort) (ist )?(falsch|ung[üu]ltig)
pattern = anmeldefehler|(erhalte|bekomme) keinen? (code|sms|benachrichtigung)
sample = Kann mich nicht anmelden
sample = Anmeldung fehlgeschlagen
sample = Ich erhalte keinen Code per SMS
not = Visio installieren

[signin.fr]
class = signin_failure
priority = 50
pattern = (impossible de|je n['’]arrive pas [àa]|je ne (peux|parviens) pas [àa]?) ?(me )?(connecter|m['’]identifier|m['’]authentifier|ouvrir (une |ma )?session)
pattern = [ée]chec (de la |d['’])?(connexion|authentification)
pattern = erreur (de|lors de la) connexion
pattern = mot de passe (incorrect|invalide|refus[ée])
pattern = (je ne re[çc]ois pas|pas re[çc]u) (le |de |les )?(code|sms|notification)
sample = Impossible de me connecter à Outlook
sample = Échec de la connexion
sample = Je ne reçois pas le code SMS
not = Installer Visio
)RULES";

}  // namespace

std::string_view builtin_ticket_rules_text() { return kBuiltinRules; }

}  // namespace idt
