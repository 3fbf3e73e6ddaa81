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
#                        bounded windows such as .{0,60} blow up the DFA and make matching slow.
#   unless = RE2         the rule does not apply when this also matches
#   sample = TEXT        must match (checked when the rules are loaded; at least one)
#   not = TEXT           must not match (checked when the rules are loaded)
#   enabled = false      switch a rule off (e.g. a built-in one, by reusing its id)
# The text matched is the ticket's title, description and category, one per line.
# Priorities: phishing 90 > prompts 80 > portal 75 > lockout 70 > setup 60 > sign-in 50.

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

[portal.http_5xx]
class = portal_unreachable
priority = 75
pattern = \b(http|error|code|status|erro|erreur|fehler|c[oó]digo)\s*:?\s*50[234]\b
pattern = \b50[234]\s*[-:]?\s*(gateway|bad gateway|service unavailable|error|erro|erreur|fehler|time-?out)
pattern = gateway\s*time-?\s*out|bad gateway
pattern = (mfa|security info|sign-?in|authenticator|registration|registro|registrierung|enregistrement|mysignins|aka\.ms)[^\n]*\b50[234]\b
pattern = \b50[234]\b[^\n]*(mfa|security info|sign-?in|authenticator|registration|registro|registrierung|enregistrement)
sample = HTTP 504 when opening the page
pattern = ^\s*(http |error )?50[234]\s*$
sample = MFA registration: 504
sample = 504
sample = 504 Gateway Timeout on mysignins
sample = Error 502 bad gateway
sample = Fehler 504 beim Öffnen
not = Room 504 projector broken

[portal.mysignins]
class = portal_unreachable
priority = 75
pattern = (mysignins|my ?sign-?ins|mysecurityinfo|aka\.ms/(mfasetup|setupsecurityinfo|mysecurityinfo|mysignins|proofup)|myprofile\.microsoft)[^\n]*(error|erro|erreur|fehler|fail|falla|falha|[ée]chec|down\b|unavailable|not (load|work|open|respond)|does ?n['’]?t (load|work|open|respond)|not (loading|working|responding)|won['’]?t|time-?\s*out|timed out|timing out|504|blank|spinning|no carga|n[ãa]o carrega|ne (se )?charge pas|l[äa]dt nicht|nicht erreichbar|inaccessible|indisponible|fora do ar)
pattern = (error|fail|cannot|can['’]?t|unable to|won['’]?t|not able to|no (puedo|carga)|n[ãa]o (consigo|carrega)|impossible d|kann nicht|nicht erreichbar)[^\n]*(mysignins|my ?sign-?ins|mysecurityinfo|aka\.ms/(mfasetup|setupsecurityinfo|mysecurityinfo|mysignins|proofup))
sample = mysignins.microsoft.com won't load
sample = aka.ms/mfasetup gives an error
sample = Cannot reach My Sign-Ins
sample = mysignins no carga
sample = mysignins doesn't work
not = How do I use mysignins to add a phone?

# A bare mention of the security-info portal: below mfa_setup, above signin_failure.
[portal.mysignins_mention]
class = portal_unreachable
priority = 55
pattern = mysignins|my ?sign-?ins|mysecurityinfo|aka\.ms/(mfasetup|setupsecurityinfo|mysecurityinfo|mysignins|proofup)
unless = how (do|can|to|should)|where (do|can|is)|c[oó]mo |comment |wie (kann|k[öo]nnen|geht)
sample = mysignins
sample = Cannot sign in to mysignins.microsoft.com
not = How do I use mysignins to add a phone?

[portal.en]
class = portal_unreachable
priority = 75
pattern = (security info(rmation)?|sign-?in methods?|(mfa|authenticator|2fa) (setup|registration|enrol?ment)|my account|my profile) (page|portal|site|website|screen|wizard)?[^\n]*(won['’]?t|will not|does ?n['’]?t|doesn['’]?t|did ?n['’]?t|can['’]?t|cannot|unable to|fails? to|failed to|is not|isn['’]?t|not) (load|open|respond|come up|be reached|reachable|accessible|loading|responding|available)
pattern = (security info(rmation)?|sign-?in methods?|(mfa|authenticator|2fa) (setup|registration|enrol?ment)) (page|portal|site|website|screen|wizard)?[^\n]*(times? out|timed out|timing out|keeps? (loading|spinning)|blank (page|screen)|is down|unreachable|inaccessible|unavailable)
pattern = (can['’]?t|cannot|unable to|not able to) (open|load|reach|access|get to) (the )?(security info(rmation)?|sign-?in methods|mfa (setup|registration)) (page|portal|site)
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
pattern = account (is |has been |got |was |appears |seems |now |to be )*(locked|blocked|disabled|suspended)
pattern = (unlock|re-?enable|unblock) (my |the |his |her |their |user['’]?s? )?(account|user)
pattern = account lock-?out|lockout
pattern = too many (failed|incorrect|wrong|invalid|unsuccessful) (sign-?in |login |logon |password )?(attempts|tries)
sample = User locked out after password change
sample = Please unlock my account
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
sample = Mein Konto ist gesperrt
sample = Bitte Benutzerkonto entsperren
sample = Account gesperrt nach zu vielen Versuchen
not = Drucker funktioniert nicht

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

[setup.en]
class = mfa_setup
priority = 60
pattern = (can['’]?t|cannot|can not|unable to|not able to|fail(ed|s|ing)? to|trouble|problems?|issues?|help( me)?|how (do i|to)|need to|error|stuck) [^\n.!?;]*(set ?up|setting up|configure|configuring|register|registering|re-?register|enroll|enrolling|add|adding|activate|activating|complete|finish)\b[^\n.!?;]*(mfa|multi-?factor|2fa|two-?factor|2-step|two-step|authenticator|security info|authentication methods?|passkey|fido)
pattern = (mfa|multi-?factor|2fa|two-?factor|authenticator|security info|passkey) (set ?up|registration|enrol?ment|configuration|activation) [^\n.!?;]*(fail|error|issue|problem|not working|won['’]?t|does ?n['’]?t|stuck|loop)
pattern = (sign|mfa|authenticator|microsoft|screen|prompt|stuck|loop|window)[^\n.!?;]*more information (is )?required|more information (is )?required[^\n.!?;]*(sign|mfa|authenticator|microsoft|screen|prompt|loop|window)
pattern = (new|replaced|lost|changed|broken) (phone|mobile|device|smartphone|iphone|android)\b[^\n.!?;]*(authenticator|mfa|2fa)
pattern = (authenticator|mfa|2fa)[^\n.!?;]*\b(new|replaced|lost|changed) (phone|mobile|device|smartphone)
sample = Can't set up MFA
sample = Unable to register the Authenticator app
sample = Security info registration error
sample = Stuck on More information required screen
not = Please send the form, more information required. Thanks
sample = Got a new phone, need to move Authenticator
not = Cannot sign in to Outlook

[setup.es]
class = mfa_setup
priority = 60
pattern = no (puedo|consigo|logro|me deja) [^\n.!?;]*(configurar|registrar|activar|a[ñn]adir|agregar|dar de alta)\b[^\n.!?;]*(mfa|autenticaci[oó]n|authenticator|m[eé]todo|informaci[oó]n de seguridad|doble factor|segundo factor|verificaci[oó]n en dos pasos)
pattern = (configuraci[oó]n|registro|alta) (de |del )?(la )?(mfa|autenticaci[oó]n multifactor|doble factor|authenticator|verificaci[oó]n en dos pasos)[^\n.!?;]*(error|falla|fallo|no funciona)
pattern = error (en|al) (el )?(registro|registrar|configurar|configuraci[oó]n) (de |del |el |la )?(mfa|authenticator|autenticaci[oó]n)
pattern = se requiere m[aá]s informaci[oó]n[^\n.!?;]*(sesi[oó]n|mfa|authenticator|microsoft|pantalla|bucle)|(sesi[oó]n|mfa|authenticator|microsoft|pantalla|bucle)[^\n.!?;]*se requiere m[aá]s informaci[oó]n
sample = No puedo configurar MFA
sample = no puedo registrar la autenticación multifactor
sample = Error en el registro de Authenticator
sample = Se requiere más información al iniciar sesión
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
