#!/usr/bin/env python3
# Why: the benchmark needs gigabytes of realistic Entra sign-in logs, fast and
# byte-for-byte reproducible; records are pre-rendered templates in which only
# a few per-record fields (time, ids, user, IP, app) are substituted.
"""Deterministic generator of Microsoft Entra sign-in logs for benchmarks.

Shapes (field sets and layouts follow the samples in shared/realdata/signin):
  eventhub  Azure diagnostic-settings / Event Hub records, one JSON object per
            line: top-level time/category/resultType/resultDescription/
            callerIpAddress/correlationId/identity/location + "properties"
            (a Graph-like camelCase signIn), mixing the five sign-in
            categories (SignInLogs, NonInteractiveUserSignInLogs,
            ServicePrincipalSignInLogs, MicrosoftServicePrincipalSignInLogs,
            ManagedIdentitySignInLogs).
  graph     Graph auditLogs/signIns responses:
            {"@odata.context":...,"value":[...],"@odata.nextLink":...},
            --layout pretty (like the docs examples) or compact (like the
            API); --page-records N writes several concatenated pages (every
            page but the last has a nextLink); N=0 (default) writes one
            document holding every record, with a nextLink.

The output stops at the last whole record that fits in --size bytes (at
least one record is always written).  --counts writes the true counts by
error code, category and app, for checking a tool's aggregation.  Same
arguments and seed => identical bytes.  Python 3.11 stdlib only.

Examples:
  gen_signins.py --shape eventhub --size 1G -o bench/data/eh.jsonl
  gen_signins.py --shape graph --layout compact --page-records 1000 \\
                 --size 100M --counts counts.json -o graph.json
"""
import argparse
import base64
import calendar
import json
import re
import sys
import time

# ----------------------------------------------------------------- constants

TENANT = "4bbb79f7-5724-4c9e-95f3-de075f6ec090"
DOMAIN = "contoso.com"
PAGE_LINK = ("https://graph.microsoft.com/beta/auditLogs/signIns"
             "?$top=1000&$skiptoken=")
CONTEXT = "https://graph.microsoft.com/beta/$metadata#auditLogs/signIns"

USER_KINDS = ("SignInLogs", "NonInteractiveUserSignInLogs")
SP_KINDS = ("ServicePrincipalSignInLogs", "MicrosoftServicePrincipalSignInLogs",
            "ManagedIdentitySignInLogs")
# share of records per category (per 1000), roughly a real tenant's day
KIND_WEIGHTS = {
    "SignInLogs": 220,
    "NonInteractiveUserSignInLogs": 580,
    "ServicePrincipalSignInLogs": 100,
    "MicrosoftServicePrincipalSignInLogs": 30,
    "ManagedIdentitySignInLogs": 70,
}
EVENT_TYPE = {
    "SignInLogs": "interactiveUser",
    "NonInteractiveUserSignInLogs": "nonInteractiveUser",
    "ServicePrincipalSignInLogs": "servicePrincipal",
    "MicrosoftServicePrincipalSignInLogs": "servicePrincipal",
    "ManagedIdentitySignInLogs": "managedIdentity",
}

# error code weights per 10,000 records of a category; code 0 takes the rest.
# 135011, 9002313, 7000215 and 7000222 are real AADSTS codes that idtriage's
# table does not list (the "unknown" class).
CODE_WEIGHTS = {
    "SignInLogs": {50140: 800, 50126: 400, 50074: 200, 50053: 250, 500121: 200,
                   53003: 80, 50076: 40, 50158: 60, 53004: 25, 50000: 15,
                   90033: 10, 135011: 5, 9002313: 5},
    "NonInteractiveUserSignInLogs": {50074: 80, 53003: 40, 50076: 30,
                                     50000: 15, 90033: 12, 500121: 3,
                                     9002313: 3},
    "ServicePrincipalSignInLogs": {90033: 20, 7000215: 15, 7000222: 10,
                                   50000: 10},
    "MicrosoftServicePrincipalSignInLogs": {90033: 10, 50000: 5},
    "ManagedIdentitySignInLogs": {90033: 15, 50000: 5},
}

# code -> (failureReason, additionalDetails or None); the texts follow the
# wording Entra writes into sign-in logs.  @@residraw@@ is the resource id.
REASONS = {
    50140: ("This error occurred due to 'Keep me signed in' interrupt when the user was signing-in.",
            "MFA requirement satisfied by claim in the token"),
    50074: ("Strong Authentication is required.",
            "MFA required in Azure AD"),
    50126: ("Error validating credentials due to invalid username or password.",
            "The user didn't enter the right credentials. \u00a0It's expected to see some number of these errors in your logs due to users making mistakes."),
    50053: ("The account is locked, you've tried to sign in too many times with an incorrect user ID or password.",
            "The account is locked because of too many incorrect sign-in attempts."),
    500121: ("Authentication failed during strong authentication request.",
             "The user didn't complete the MFA prompt. They may have decided not to authenticate, timed out while doing other work, or has an issue with their authentication setup."),
    53003: ("Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.",
            "If this is unexpected, see the conditional access policies that applied to this request in the Azure Portal."),
    50076: ("Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '@@residraw@@'.",
            "MFA required in Azure AD"),
    50158: ("External security challenge not satisfied. User will be redirected to another page or authentication provider to satisfy additional authentication challenges.",
            None),
    50000: ("There was an error issuing a token or an issue with our sign-in service.",
            "This is a transient error on the Microsoft side. Retry the request."),
    90033: ("A transient error has occurred. Please try again.", None),
    53004: ("Proof up is blocked due to suspicious activity. User needs to complete multi-factor authentication registration process before accessing this content.",
            None),
    135011: ("Device used during the authentication is disabled.", None),
    9002313: ("Invalid request. Request is malformed or invalid.", None),
    7000215: ("Invalid client secret is provided.", None),
    7000222: ("The provided client secret keys are expired.", None),
}

# (appId, appDisplayName, resourceDisplayName, resourceId, weight interactive,
#  weight non-interactive)
GRAPH_RES = ("Microsoft Graph", "00000003-0000-0000-c000-000000000000")
EXO_RES = ("Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000")
SPO_RES = ("Office 365 SharePoint Online", "00000003-0000-0ff1-ce00-000000000000")
ARM_RES = ("Windows Azure Service Management API", "797f4846-ba00-4fd7-ba43-dac1f8f63013")
AAD_RES = ("Windows Azure Active Directory", "00000002-0000-0000-c000-000000000000")
CRED_RES = ("Azure Credential Configuration Endpoint Service", "ea890292-c8c8-4433-b5ea-b09d0668e1a6")
USER_APPS = [
    ("1fec8e78-bce4-4aaf-ab1b-5451cc387264", "Microsoft Teams", *GRAPH_RES, 160, 260),
    ("00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online", *EXO_RES, 140, 90),
    ("00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online", *SPO_RES, 110, 80),
    ("d3590ed6-52b3-4102-aeff-aad2292ab01c", "Microsoft Office", *GRAPH_RES, 120, 120),
    ("29d9ed98-a469-4536-ade2-f981bc1d605e", "Microsoft Authentication Broker", *AAD_RES, 60, 160),
    ("27922004-5251-4030-b22d-91ecd9a37ea4", "Outlook Mobile", *EXO_RES, 60, 80),
    ("ab9b8c07-8f02-4f72-87fa-80105867a763", "OneDrive SyncEngine", *SPO_RES, 20, 90),
    ("ecd6b820-32c2-49b6-98a6-444530e5a77a", "Microsoft Edge", *GRAPH_RES, 30, 60),
    ("38aa3b87-a06d-4817-b275-7a316988d93b", "Windows Sign In", *AAD_RES, 60, 40),
    ("c44b4083-3bb0-49c1-b47d-974e53cbdf3c", "Azure Portal", *ARM_RES, 60, 10),
    ("19db86c3-b2b9-44cc-b339-36da233a3be2", "My Signins", *CRED_RES, 60, 4),
    ("8c59ead7-d703-4a27-9e55-c96a0054c8d2", "My Profile", *GRAPH_RES, 30, 2),
    ("2793995e-0a7d-40d7-bd35-6968ba142197", "My Apps", *GRAPH_RES, 40, 4),
    ("de8bc8b5-d9f9-48b1-a8ad-b748da725064", "Graph Explorer", *GRAPH_RES, 10, 2),
    ("04b07795-8ddb-461a-bbee-02f9e1bf7b46", "Microsoft Azure CLI", *ARM_RES, 15, 10),
    ("1950a258-227b-4e31-a9cf-717495945fc2", "Microsoft Azure PowerShell", *ARM_RES, 10, 6),
]
SP_RESOURCES = [GRAPH_RES, ARM_RES,
                ("Azure Key Vault", "cfa8b339-82a2-471a-a3c9-0fc0be7a4093"),
                ("Azure Storage", "e406a681-f3d4-42a8-90b6-c2b029497af1"),
                EXO_RES]
MS_SP_NAMES = ["Microsoft Intune", "Office 365 Exchange Online", "Azure Resource Graph",
               "Microsoft Defender for Cloud Apps", "Power BI Service",
               "Microsoft Teams Services", "Azure DevOps", "Windows Update for Business"]

CA_POLICIES = [  # (displayName, grant controls, session controls)
    ("Require MFA for all users", ["Mfa"], []),
    ("Block legacy authentication", ["Block"], []),
    ("Require compliant device for admins", ["RequireCompliantDevice"], []),
    ("Require MFA for Azure management", ["Mfa"], []),
    ("Sign-in frequency 12h for unmanaged devices", [], ["SignInFrequency"]),
    ("Block access from untrusted countries", ["Block"], []),
    ("Require terms of use for guests", ["TermsOfUse"], []),
    ("Require MFA registration from trusted locations", ["Mfa"], []),
]

CITIES = [  # city, state, country, lat, lon
    ("Redmond", "Washington", "US", 47.6740036010742, -122.121200561523),
    ("New York", "New York", "US", 40.7127838134766, -74.0059738159180),
    ("Chicago", "Illinois", "US", 41.8781127929688, -87.6297988891602),
    ("Austin", "Texas", "US", 30.2671527862549, -97.7430572509766),
    ("Toronto", "Ontario", "CA", 43.6532249450684, -79.3831863403320),
    ("London", "London", "GB", 51.5073509216309, -0.127758309245110),
    ("Manchester", "Manchester", "GB", 53.4807586669922, -2.24263095855713),
    ("Dublin", "Dublin", "IE", 53.3498039245605, -6.26030969619751),
    ("Paris", "Paris", "FR", 48.8566131591797, 2.35222005844116),
    ("Champs-Sur-Marne", "Seine-Et-Marne", "FR", 48.8528900146484, 2.60267996788025),
    ("Lyon", "Auvergne-Rhône-Alpes", "FR", 45.7640419006348, 4.83565902709961),
    ("München", "Bayern", "DE", 48.1351242065430, 11.5819797515869),
    ("Frankfurt am Main", "Hessen", "DE", 50.1109199523926, 8.68209171295166),
    ("Köln", "Nordrhein-Westfalen", "DE", 50.9375000000000, 6.96027898788452),
    ("Zürich", "Zurich", "CH", 47.3768882751465, 8.54169368743896),
    ("Amsterdam", "Noord-Holland", "NL", 52.3675727844238, 4.90413618087769),
    ("Madrid", "Madrid", "ES", 40.4167747497559, -3.70379018783569),
    ("Milano", "Lombardia", "IT", 45.4642028808594, 9.18998146057129),
    ("Stockholm", "Stockholms Län", "SE", 59.3293228149414, 18.0685806274414),
    ("Kraków", "Małopolskie", "PL", 50.0646476745605, 19.9449806213379),
    ("São Paulo", "Sao Paulo", "BR", -23.5505199432373, -46.6333084106445),
    ("Ciudad de México", "Ciudad de Mexico", "MX", 19.4326076507568, -99.1332092285156),
    ("Nizampet", "Telangana", "IN", 17.5164794921875, 78.3766326904297),
    ("Bengaluru", "Karnataka", "IN", 12.9715986251831, 77.5945663452148),
    ("Singapore", "Singapore", "SG", 1.35208094120026, 103.819839477539),
    ("Tokyo", "Tokyo", "JP", 35.6761932373047, 139.650314331055),
    ("Sydney", "New South Wales", "AU", -33.8688201904297, 151.209289550781),
    ("Johannesburg", "Gauteng", "ZA", -26.2041034698486, 28.0473060607910),
    ("Lagos", "Lagos", "NG", 6.52437877655029, 3.37920594215393),
    ("Moscow", "Moscow", "RU", 55.7558250427246, 37.6172981262207),
]
# home cities get most users; the tail gives travel and attacker locations
CITY_WEIGHTS = [40, 20, 12, 8, 6, 30, 6, 6, 25, 6, 5, 12, 6, 4, 4, 6, 5, 4, 3, 3,
                4, 2, 5, 4, 3, 2, 2, 1, 1, 1]
ASNS = [8075, 7922, 701, 3320, 5089, 3215, 2856, 6830, 3352, 55836, 4134, 9009,
        16509, 14061, 12389, 1136, 3269, 28573, 4766, 2914]

DEVICES = [  # os, browser, user agent, clientAppUsed, managed
    ("Windows 10", "Edge 120.0.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0", "Browser", True),
    ("Windows 10", "Chrome 120.0.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", "Browser", True),
    ("Windows10", "Rich Client 4.56.0.0", "Windows-AzureAD-Authentication-Provider/1.0", "Mobile Apps and Desktop clients", True),
    ("Windows 11", "Edge 121.0.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36 Edg/121.0.0.0", "Browser", True),
    ("MacOs", "Safari 17.2", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15", "Browser", False),
    ("MacOs", "Chrome 120.0.0", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36", "Browser", False),
    ("Ios 17.2", "Mobile Safari 17.2", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1", "Browser", False),
    ("Ios 17.2", "MSAL.iOS 1.2.18", "Outlook-iOS/2.0", "Mobile Apps and Desktop clients", False),
    ("Android 14", "Chrome Mobile 120.0.6099", "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.144 Mobile Safari/537.36", "Browser", False),
    ("Android 14", "Rich Client 4.7.0", "Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/UD1A.231105.004)", "Mobile Apps and Desktop clients", False),
    ("Linux", "Firefox 121.0", "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0", "Browser", False),
]
DEVICE_WEIGHTS = [30, 12, 20, 10, 6, 4, 5, 8, 4, 3, 2]

FIRST = ("Adele Alex Allan Ana Bianca Brian Chen Chloe Dara Diego Elena Emil Fatima "
         "Felix Grace Hana Hugo Ines Isaac Jana Joni Kai Lara Lee Lidia Lynne Maria "
         "Megan Miriam Nestor Nina Omar Patti Pradeep Priya Raul Rosa Sam Sara Sofia "
         "Tomas Una Victor Wei Yara Yusuf Zoe").split()
LAST = ("Vance Wilber Johnson Smith Garcia Ng Patel Okafor Dubois Muller Rossi "
        "Kowalski Tanaka Silva Jensen Novak Haddad Kim Brown Lopez Schmidt Moreau "
        "Costa Ivanova Andersson Murphy Fischer Nakamura Reyes Sato Adeyemi Cohen "
        "Larsen Horvat Berg Mendes Quinn Fernandes Walker Young").split()

# -------------------------------------------------------------------- helpers

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?)b?\s*$", re.I)


def parse_size(text):
    """'1G' = 10^9 bytes, '1GiB' = 2^30, '100M', '512k', '12345'."""
    m = _SIZE.match(text)
    if not m:
        raise argparse.ArgumentTypeError(f"bad size: {text!r}")
    num, unit, binary = float(m.group(1)), m.group(2).lower(), bool(m.group(3))
    power = " kmgt".index(unit) if unit else 0
    return int(num * ((1024 if binary else 1000) ** power))


def parse_utc(text):
    """'2026-06-01T00:00:00Z' -> seconds since the epoch."""
    try:
        return calendar.timegm(time.strptime(text, "%Y-%m-%dT%H:%M:%SZ"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"bad UTC time (want 2026-06-01T00:00:00Z): {text!r}")


def weighted_table(items, weights, bits):
    """A 2**bits list where each item appears in proportion to its weight:
    table[getrandbits(bits)] is one weighted draw with no bisect or float."""
    n = 1 << bits
    total = float(sum(weights))
    table, acc = [], 0.0
    for item, w in zip(items, weights):
        acc += w
        stop = round(acc / total * n)
        table.extend([item] * (stop - len(table)))
    return table


def code_table(kind):
    weights = dict(CODE_WEIGHTS[kind])
    weights[0] = 10000 - sum(weights.values())
    codes = sorted(weights)
    return weighted_table(codes, [weights[c] for c in codes], 14)


class Uuids:
    """Fast deterministic UUID-looking strings from the shared RNG."""

    def __init__(self, rng):
        self.bits = rng.getrandbits

    def raw(self):
        h = "%032x" % self.bits(128)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{h[16:20]}-{h[20:]}"

    def quoted(self):
        h = "%032x" % self.bits(128)
        return f'"{h[:8]}-{h[8:12]}-4{h[13:16]}-{h[16:20]}-{h[20:]}"'


def q(text):
    """A JSON string literal (escaped, non-ASCII kept as UTF-8)."""
    return json.dumps(text, ensure_ascii=False)


# ------------------------------------------------------------------ templates
# A template is the JSON text of one record with "@@name@@" placeholders, made
# once with json.dumps and turned into a %-format string; per record only
# `template % values` runs, where values maps names to ready JSON text.

_PH_QUOTED = re.compile(r'"@@([A-Za-z_]+)@@"')
_PH_BARE = re.compile(r"@@([A-Za-z_]+)@@")


def to_format(text):
    text = text.replace("%", "%%")
    text = _PH_QUOTED.sub(lambda m: "%(" + m.group(1) + ")s", text)
    return _PH_BARE.sub(lambda m: "%(" + m.group(1) + ")s", text)


def P(name):
    return "@@" + name + "@@"


class Layout:
    """How a record and its nested fragments are rendered."""

    def __init__(self, pretty):
        self.pretty = pretty

    def record(self, obj):
        if not self.pretty:
            return json.dumps(obj, separators=(",", ":"))
        # a record inside "value": [ ... ] sits at indent 4
        return "    " + json.dumps(obj, indent=2).replace("\n", "\n    ")

    def fragment(self, obj):
        """An object substituted as a field of a record (fields at indent 6)."""
        if not self.pretty:
            return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
        return json.dumps(obj, indent=2, ensure_ascii=False).replace("\n", "\n      ")


def ca_policies(rng, code, count):
    """appliedConditionalAccessPolicies consistent with the outcome."""
    picks = rng.sample(range(len(CA_POLICIES)), count)
    out = []
    for n, i in enumerate(picks):
        name, grant, session = CA_POLICIES[i]
        if code == 53003 and n == 0:
            name, grant, session, result = "Block access from untrusted countries", ["Block"], [], "failure"
        elif code in (50074, 50076, 500121, 50158) and "Mfa" in grant:
            result = "failure"
        elif code == 0:
            result = rng.choice(["success", "success", "notApplied", "reportOnlySuccess"])
        else:
            result = rng.choice(["notApplied", "notEnabled", "reportOnlyNotApplied"])
        out.append({
            "id": "%08x-%04x-4%03x-%04x-%012x" % (0x6a7e0000 + i, i, i, 0x8000 + i, 0xca0000 + i),
            "displayName": name,
            "enforcedGrantControls": grant if result in ("success", "failure") else [],
            "enforcedSessionControls": session if result in ("success", "failure") else [],
            "result": result,
            "conditionsSatisfied": 3 if result in ("success", "failure") else 1,
            "conditionsNotSatisfied": 0 if result in ("success", "failure") else 2,
        })
    return out


def auth_steps(code, variant, interactive):
    """authenticationDetails, mfaDetail and authenticationRequirement."""
    def step(method, detail, ok, result, req="Primary authentication", seq=0):
        return {"authenticationStepDateTime": P("created"), "authenticationMethod": method,
                "authenticationMethodDetail": detail, "succeeded": ok,
                "authenticationStepResultDetail": result,
                "authenticationStepRequirement": req,
                "StatusSequence": seq, "RequestSequence": 0}
    prev = step("Previously satisfied", "", True,
                "First factor requirement satisfied by claim in the token")
    pwd_ok = step("Password", "Password in the cloud", True, "Correct password")
    mfa_prev = step("Previously satisfied", "", True,
                    "MFA requirement satisfied by claim in the token",
                    "Multi-factor authentication")
    push = {"authMethod": "Mobile app notification", "authDetail": None}
    single, multi = "singleFactorAuthentication", "multiFactorAuthentication"
    if code == 0:
        if not interactive or variant % 2:
            return [prev, mfa_prev] if variant >= 2 else [prev], {}, single if variant < 2 else multi
        return ([pwd_ok, step("Mobile app notification", "", True, "MFA successfully completed",
                              "Multi-factor authentication", 1)], push, multi)
    if code == 50126:
        return ([step("Password", "Password in the cloud", False,
                      "Invalid username or password or Invalid on-premise username or password.")],
                {}, single)
    if code == 50053:
        return ([step("Password", "Password in the cloud", False,
                      "Account is locked")], {}, single)
    if code == 50140:
        return [pwd_ok, mfa_prev], {}, multi
    if code in (50074, 50076):
        return ([prev if variant % 2 else pwd_ok,
                 step("Mobile app notification", "", False, "MFA required in Azure AD",
                      "Multi-factor authentication", 1)], push, multi)
    if code == 500121:
        detail = ("MFA denied; user declined the authentication" if variant % 2
                  else "MFA denied; user did not respond to mobile app notification")
        return ([pwd_ok, step("Mobile app notification", "", False, detail,
                              "Multi-factor authentication", 1)], push, multi)
    if code == 50158:
        return ([pwd_ok, step("Redirected to external provider", "", False,
                              "External security challenge not satisfied",
                              "Multi-factor authentication", 1)], {}, multi)
    if code == 53004:
        return ([pwd_ok, step("Password", "", False, "User is blocked from MFA registration due to risk",
                              "Multi-factor authentication", 1)], {}, multi)
    return [prev if variant % 2 else pwd_ok], {}, single


def status_obj(code, graph):
    if code == 0:
        return ({"errorCode": 0, "failureReason": "Other.", "additionalDetails": None}
                if graph else {"errorCode": 0})
    reason, details = REASONS[code]
    st = {"errorCode": code, "failureReason": reason}
    if details is not None:
        st["additionalDetails"] = details
    return st


def user_record(kind, code, variant, rng, graph):
    interactive = kind == "SignInLogs"
    steps, mfa, requirement = auth_steps(code, variant, interactive)
    n_policies = (1, 1, 2, 3)[variant]
    if code == 0:
        ca_status = "success" if variant else "notApplied"
    elif code == 53003:
        ca_status = "failure"
    elif code in (50074, 50076, 500121, 50158):
        ca_status = "failure" if variant % 2 else "notApplied"
    else:
        ca_status = "notApplied"
    rec = {
        "id": P("id"), "createdDateTime": P("created"),
        "userDisplayName": P("uname"), "userPrincipalName": P("upn"), "userId": P("uid"),
        "appId": P("appid"), "appDisplayName": P("appname"), "ipAddress": P("ip"),
        "status": status_obj(code, graph),
        "clientAppUsed": P("client"), "userAgent": P("ua"),
        "deviceDetail": P("dev"), "location": P("loc"), "mfaDetail": mfa,
        "correlationId": P("corr"), "conditionalAccessStatus": ca_status,
        "appliedConditionalAccessPolicies": ca_policies(rng, code, n_policies),
        "originalRequestId": P("id"), "isInteractive": interactive,
        "tokenIssuerName": "", "tokenIssuerType": "AzureAD",
        "authenticationProcessingDetails": [
            {"key": "Login Hint Present", "value": "True"},
            {"key": "Legacy TLS (TLS 1.0, 1.1, 3DES)", "value": "False"},
            {"key": "Oauth Scope Info", "value": "[\"openid\",\"profile\",\"email\",\"offline_access\"]"},
            {"key": "Is CAE Token", "value": "True" if variant % 2 else "False"},
        ][: 2 + variant % 3],
        "networkLocationDetails": ([{"networkType": "trustedNamedNetwork",
                                     "networkNames": ["Corporate egress"]}]
                                   if variant == 1 else []),
        "processingTimeInMilliseconds": P("ptime"),
        "riskDetail": "none", "riskLevelAggregated": "none",
        "riskLevelDuringSignIn": "low" if code == 53004 else "none",
        "riskState": "atRisk" if code == 53004 else "none",
        "riskEventTypes": [], "riskEventTypes_v2": [],
        "resourceDisplayName": P("resname"), "resourceId": P("resid"),
        "resourceTenantId": TENANT, "homeTenantId": TENANT,
        "authenticationDetails": steps,
        "authenticationRequirementPolicies": [],
        "authenticationRequirement": requirement,
        "servicePrincipalId": "", "userType": "Member", "flaggedForReview": False,
        "isTenantRestricted": False, "autonomousSystemNumber": P("asn"),
        "crossTenantAccessType": "none", "privateLinkDetails": {},
        "ssoExtensionVersion": "", "uniqueTokenIdentifier": P("utid"),
        "incomingTokenType": "none" if interactive else "refreshToken",
        "authenticationProtocol": "none",
    }
    if graph:
        rec["signInEventTypes"] = [EVENT_TYPE[kind]]
        rec["sessionLifetimePolicies"] = []
    return rec


def sp_record(kind, code, variant, rng, graph):
    mi = kind == "ManagedIdentitySignInLogs"
    rec = {
        "id": P("id"), "createdDateTime": P("created"),
        "appId": P("appid"), "appDisplayName": P("appname"), "ipAddress": P("ip"),
        "status": status_obj(code, graph),
        "correlationId": P("corr"), "conditionalAccessStatus": "notApplied",
        "appliedConditionalAccessPolicies": [
            dict(p, enforcedGrantControls=[], enforcedSessionControls=[], result="notEnabled")
            for p in ca_policies(rng, 0, 1 + variant // 2)],
        "originalRequestId": P("id"), "isInteractive": False,
        "tokenIssuerName": "", "tokenIssuerType": "AzureAD",
        "authenticationProcessingDetails": [],
        "location": P("loc"), "networkLocationDetails": [],
        "processingTimeInMilliseconds": P("ptime"),
        "riskDetail": "none", "riskLevelAggregated": "none",
        "riskLevelDuringSignIn": "none", "riskState": "none",
        "resourceDisplayName": P("resname"), "resourceId": P("resid"),
        "resourceTenantId": TENANT, "homeTenantId": TENANT,
        "servicePrincipalId": P("spid"), "servicePrincipalName": P("appname"),
        "servicePrincipalCredentialKeyId": P("keyid"),
        "servicePrincipalCredentialThumbprint": "" if mi or variant % 2 else "3A1E5F2C9B7D4E6F8A0B1C2D3E4F5A6B7C8D9E0F",
        "clientCredentialType": "managedIdentity" if mi else ("clientSecret" if variant % 2 else "certificate"),
        "federatedCredentialId": "", "autonomousSystemNumber": P("asn"),
        "crossTenantAccessType": "none", "uniqueTokenIdentifier": P("utid"),
        "incomingTokenType": "none", "authenticationProtocol": "none",
        "sessionLifetimePolicies": [],
    }
    if mi:
        rec["managedIdentityType"] = "userAssigned" if variant % 2 else "systemAssigned"
    if graph:
        rec["signInEventTypes"] = [EVENT_TYPE[kind]]
    return rec


def eventhub_line(kind, code, props_text, user):
    top = {"time": P("time"),
           "resourceId": f"/tenants/{TENANT}/providers/Microsoft.aadiam",
           "operationName": "Sign-in activity", "operationVersion": "1.0",
           "category": kind, "tenantId": TENANT, "resultType": str(code),
           "resultSignature": "None"}
    if code:
        top["resultDescription"] = REASONS[code][0]
    top.update({"durationMs": 0, "callerIpAddress": P("ip"), "correlationId": P("corr"),
                "identity": P("uname") if user else P("appname"), "Level": 4,
                "location": P("country"), "properties": P("props")})
    text = "{ " + json.dumps(top, separators=(", ", ": "))[1:]
    return text.replace('"@@props@@"', props_text) + "\n"


def build_templates(rng, shape, layout):
    """{kind: {code: [4 variant %-format templates]}}"""
    graph = shape == "graph"
    out = {}
    for kind in USER_KINDS + SP_KINDS:
        user = kind in USER_KINDS
        out[kind] = {}
        for code in set(CODE_WEIGHTS[kind]) | {0}:
            variants = []
            for v in range(4):
                rec = (user_record if user else sp_record)(kind, code, v, rng, graph)
                if graph:
                    text = layout.record(rec)
                else:
                    text = eventhub_line(kind, code, json.dumps(rec, separators=(",", ":")), user)
                variants.append(to_format(text))
            out[kind][code] = variants
    return out


# ---------------------------------------------------------------------- pools

def build_pools(rng, layout, n_users, n_ips):
    uu = Uuids(rng)
    city_tab = weighted_table(range(len(CITIES)), CITY_WEIGHTS, 10)
    ips = []
    for i in range(n_ips):
        city, state, country, lat, lon = CITIES[city_tab[rng.getrandbits(10)]]
        if i % 10 == 9:
            ip = "2a01:%x:%x:%x::%x" % (rng.getrandbits(16), rng.getrandbits(16),
                                       rng.getrandbits(16), rng.getrandbits(16))
        else:
            ip = "%d.%d.%d.%d" % (rng.choice((20, 31, 40, 52, 81, 86, 92, 102, 131, 145,
                                              176, 185, 196, 203, 212)),
                                  rng.getrandbits(8), rng.getrandbits(8),
                                  1 + rng.getrandbits(7))
        loc = {"city": city, "state": state, "countryOrRegion": country,
               "geoCoordinates": {"latitude": lat, "longitude": lon}}
        ips.append({"ip": q(ip), "country": q(country), "loc": layout.fragment(loc),
                    "asn": str(rng.choice(ASNS))})
    dev_tab = weighted_table(range(len(DEVICES)), DEVICE_WEIGHTS, 10)
    users = []
    for i in range(n_users):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        os_, browser, ua, client, managed = DEVICES[dev_tab[rng.getrandbits(10)]]
        dev = {"deviceId": uu.raw() if managed else "",
               "displayName": f"DESKTOP-{rng.getrandbits(24):06X}" if managed else "",
               "operatingSystem": os_, "browser": browser,
               "isCompliant": managed, "isManaged": managed,
               "trustType": "Azure AD joined" if managed else ""}
        name = f"{first} {last}"
        users.append({
            "uname": q(name), "upn": q(f"{first}.{last}{i}@{DOMAIN}".lower()),
            "uid": uu.quoted(), "ua": q(ua), "client": q(client),
            "dev": layout.fragment(dev),
            # a user signs in from a few home IPs
            "_ips": [rng.randrange(n_ips) for _ in range(4)],
        })
    apps = []
    for app_id, app_name, res_name, res_id, _, _ in USER_APPS:
        apps.append({"appid": q(app_id), "appname": q(app_name), "resname": q(res_name),
                     "resid": q(res_id), "residraw": res_id})
    app_tabs = {
        "SignInLogs": weighted_table(apps, [a[4] for a in USER_APPS], 10),
        "NonInteractiveUserSignInLogs": weighted_table(apps, [a[5] for a in USER_APPS], 10),
    }
    sps = {}
    for kind, count in (("ServicePrincipalSignInLogs", 300),
                        ("MicrosoftServicePrincipalSignInLogs", len(MS_SP_NAMES)),
                        ("ManagedIdentitySignInLogs", 120)):
        pool = []
        for i in range(count):
            if kind == "ServicePrincipalSignInLogs":
                name = f"{rng.choice(['svc', 'app', 'sync', 'etl', 'bot', 'api'])}-{rng.choice(['hr', 'crm', 'billing', 'backup', 'sso', 'intranet', 'reports'])}-{i:03d}"
            elif kind == "ManagedIdentitySignInLogs":
                name = f"{rng.choice(['vm', 'func', 'aks', 'logic', 'webapp'])}-prod-{rng.choice(['weu', 'neu', 'eus', 'wus2'])}-{i:03d}"
            else:
                name = MS_SP_NAMES[i]
            res_name, res_id = rng.choice(SP_RESOURCES)
            pool.append({"appid": uu.quoted(), "appname": q(name), "spid": uu.quoted(),
                         "keyid": '""' if kind != "ServicePrincipalSignInLogs" else uu.quoted(),
                         "resname": q(res_name), "resid": q(res_id), "residraw": res_id,
                         "_ip": rng.randrange(n_ips)})
        sps[kind] = pool
    return users, ips, app_tabs, sps


# ----------------------------------------------------------------- generation

class Stats:
    def __init__(self):
        self.records = 0
        self.by_code = {}
        self.by_category = {}
        self.by_app = {}

    def count(self, code, kind, app):
        self.records += 1
        self.by_code[code] = self.by_code.get(code, 0) + 1
        self.by_category[kind] = self.by_category.get(kind, 0) + 1
        self.by_app[app] = self.by_app.get(app, 0) + 1

    def as_json(self):
        return {"records": self.records,
                "by_code": {str(k): v for k, v in sorted(self.by_code.items())},
                "by_category": dict(sorted(self.by_category.items())),
                "by_app": {json.loads(k): v for k, v in sorted(self.by_app.items())}}


def records(args, rng):
    """Yields (encoded record, code, category, app JSON text), forever, in
    time order."""
    layout = Layout(args.shape == "graph" and args.layout == "pretty")
    templates = build_templates(rng, args.shape, layout)
    users, ips, app_tabs, sps = build_pools(rng, layout, args.users, args.ips)
    kind_tab = weighted_table(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()), 10)
    code_tabs = {k: code_table(k) for k in KIND_WEIGHTS}
    uu = Uuids(rng)
    bits = rng.getrandbits
    n_users, n_ips = len(users), len(ips)
    b64 = base64.urlsafe_b64encode
    strftime, gmtime = time.strftime, time.gmtime
    graph = args.shape == "graph"

    # time: records spread evenly (with jitter) over --hours from --start
    # average record sizes measured at the default settings
    avg_guess = 3450 if not graph else (4070 if layout.pretty else 3020)
    expected = max(1, args.size // avg_guess)
    step_us = max(1, int(args.hours * 3600e6 / expected))
    t_us = int(args.start * 1e6)
    last_sec, sec_txt, local_txt = -1, "", ""
    cycle, k = args.draw == "cycle", 0

    while True:
        kind = kind_tab[bits(10)]
        code = code_tabs[kind][bits(14)]
        tmpl = templates[kind][code][bits(2)]
        if kind in app_tabs and cycle:
            # every user and every IP once before any repeats (memory per entity)
            u, ip = users[k % n_users], ips[k % n_ips]
            k += 1
            app = app_tabs[kind][bits(10)]
            v = {**u, **ip, **app}
        elif kind in app_tabs:
            # heavy users sign in far more often than the tail (skewed draw)
            r = bits(20)
            u = users[(r * r >> 20) * n_users >> 20]
            ip = ips[u["_ips"][bits(2)] if bits(4) else bits(24) % n_ips]
            app = app_tabs[kind][bits(10)]
            v = {**u, **ip, **app}
        else:
            pool = sps[kind]
            sp = pool[bits(16) % len(pool)]
            v = {**sp, **ips[sp["_ip"]]}
        t_us += step_us // 2 + bits(32) % step_us
        sec, frac = divmod(t_us, 1_000_000)
        if sec != last_sec:
            last_sec = sec
            sec_txt = strftime("%Y-%m-%dT%H:%M:%S", gmtime(sec))
            local_txt = strftime("%Y-%m-%dT%H:%M:%S", gmtime(sec - 5 * 3600))
        frac7 = "%06d%d" % (frac, bits(3) % 10)
        v["time"] = f'"{sec_txt}.{frac7}Z"'
        if graph:
            v["created"] = f'"{sec_txt}.{frac7}Z"'
        elif bits(4):  # 1 in 16 Event Hub records is stamped at -05:00
            v["created"] = f'"{sec_txt}.{frac7}+00:00"'
        else:
            v["created"] = f'"{local_txt}.{frac7}-05:00"'
        v["id"] = uu.quoted()
        v["corr"] = uu.quoted()
        v["utid"] = '"' + b64(bits(192).to_bytes(24, "little")).decode() + '"'
        v["ptime"] = str(40 + bits(12) % 2400)
        yield (tmpl % v).encode(), code, kind, v["appname"]


class Sink:
    """Buffers encoded pieces and writes them in big chunks."""

    CHUNK = 8 << 20

    def __init__(self, fh):
        self.fh, self.parts, self.pending, self.total = fh, [], 0, 0

    def add(self, data):
        self.parts.append(data)
        self.pending += len(data)
        self.total += len(data)
        if self.pending >= self.CHUNK:
            self.flush()

    def flush(self):
        self.fh.write(b"".join(self.parts))
        self.parts, self.pending = [], 0


def generate(args, fh):
    import random
    rng = random.Random(args.seed)
    stats = Stats()
    sink = Sink(fh)
    gen = records(args, rng)
    size = args.size
    if args.shape == "eventhub":
        for rec, *what in gen:
            if sink.total + len(rec) > size and stats.records:
                break
            sink.add(rec)
            stats.count(*what)
    else:
        pretty = args.layout == "pretty"
        skip = lambda: "%032x" % rng.getrandbits(128)  # noqa: E731
        if pretty:
            head = ('{\n  "@odata.context": "' + CONTEXT + '",\n  "value": [\n').encode()
            sep = b",\n"
            tail_more = lambda: ('\n  ],\n  "@odata.nextLink": "' + PAGE_LINK + skip() + '"\n}\n').encode()  # noqa: E731
            tail_last = b"\n  ]\n}\n"
        else:
            head = ('{"@odata.context":"' + CONTEXT + '","value":[').encode()
            sep = b","
            tail_more = lambda: ('],"@odata.nextLink":"' + PAGE_LINK + skip() + '"}\n').encode()  # noqa: E731
            tail_last = b"]}\n"
        tail_max = len(tail_more())
        per_page = args.page_records
        in_page = 0
        sink.add(head)
        for rec, *what in gen:
            if per_page and in_page == per_page:
                # next record would open a new page
                if sink.total + tail_max + len(head) + len(rec) + tail_max > size:
                    break
                sink.add(tail_more())
                sink.add(head)
                in_page = 0
            extra = len(sep) if in_page else 0
            if sink.total + extra + len(rec) + tail_max > size and stats.records:
                break
            if extra:
                sink.add(sep)
            sink.add(rec)
            in_page += 1
            stats.count(*what)
        # a single document keeps its nextLink (first page of a longer export)
        sink.add(tail_more() if not per_page else tail_last)
    sink.flush()
    return stats, sink.total


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shape", choices=("eventhub", "graph"), default="eventhub")
    ap.add_argument("--size", type=parse_size, default=parse_size("10M"),
                    help="upper bound of the output size: 10M, 1G (10^9), 1GiB (2^30); default 10M")
    ap.add_argument("--seed", type=int, default=1, help="RNG seed (default 1)")
    ap.add_argument("--layout", choices=("pretty", "compact"), default="pretty",
                    help="graph only: pretty (docs-example style) or compact (API style)")
    ap.add_argument("--page-records", type=int, default=0,
                    help="graph only: records per page, pages concatenated; 0 = one document (default)")
    ap.add_argument("--users", type=int, default=20000, help="distinct users (default 20000)")
    ap.add_argument("--ips", type=int, default=6000, help="distinct client IPs (default 6000)")
    ap.add_argument("--draw", choices=["skewed", "cycle"], default="skewed",
                    help="how user sign-ins pick users and IPs: skewed (heavy users sign in often, "
                         "default) or cycle (every user and IP in turn: the memory-per-entity benchmark)")
    ap.add_argument("--start", type=parse_utc, default=parse_utc("2026-06-01T00:00:00Z"),
                    help="first record time, UTC, e.g. 2026-06-01T00:00:00Z (default)")
    ap.add_argument("--hours", type=float, default=24.0,
                    help="time span the records are spread over (default 24)")
    ap.add_argument("-o", "--output", default="-", help="output file (default stdout)")
    ap.add_argument("--counts", help="write the true per-code/category/app counts as JSON here")
    ap.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    args = ap.parse_args(argv)
    if args.users < 1 or args.ips < 1 or args.page_records < 0:
        ap.error("--users/--ips must be >= 1 and --page-records >= 0")

    began = time.perf_counter()
    if args.output == "-":
        stats, total = generate(args, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        with open(args.output, "wb") as fh:
            stats, total = generate(args, fh)
    took = time.perf_counter() - began
    if args.counts:
        with open(args.counts, "w") as fh:
            json.dump(dict(stats.as_json(), bytes=total, shape=args.shape, seed=args.seed), fh, indent=1)
            fh.write("\n")
    if not args.quiet:
        print(f"gen_signins: {args.shape}: {stats.records} records, {total} bytes "
              f"({total / max(stats.records, 1):.0f} B/record) in {took:.1f} s "
              f"= {total / 1e6 / max(took, 1e-9):.0f} MB/s", file=sys.stderr)


if __name__ == "__main__":
    main()
