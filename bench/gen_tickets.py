# Generates a ServiceNow-style ticket CSV of about SIZE bytes (default 1 GiB):
#   python3 bench/gen_tickets.py OUT.csv [SIZE]
# Deterministic (seed 7).
# ServiceNow-style ticket CSV: long quoted descriptions with newlines and "" escapes.
import random, sys
random.seed(7)
target = int(sys.argv[2]) if len(sys.argv) > 2 else 1 << 30
titles = ["Can't set up MFA", "mysignins returns 504", "Account locked out", "Printer offline",
          "Too many MFA prompts", "Suspicious email received", "Cannot sign in to Outlook", "New laptop request"]
words = "the user reports that since this morning when trying to open the page an error appears and nothing works please help asap thanks regards".split()
hdr = "number,opened_at,short_description,description,caller_id,state,category,assignment_group,assigned_to,priority,sys_updated_on\r\n"
rows = []
for i in range(20000):
    desc = " ".join(random.choice(words) for _ in range(random.randint(20, 160)))
    desc = desc.replace(" please ", " please\r\n", 1).replace(" error ", ' "error" ', 1)
    q = '"' + desc.replace('"', '""') + '"'
    d = f"2026-06-{random.randint(1,28):02d} {random.randint(0,23):02d}:{random.randint(0,59):02d}:{random.randint(0,59):02d}"
    rows.append(f",{d},{random.choice(titles)},{q},user{random.randint(1,50000)}@contoso.com,New,Identity,Service Desk,agent{random.randint(1,40)},3 - Moderate,{d}\r\n")
with open(sys.argv[1], "w", newline="") as f:
    f.write(hdr)
    n = len(hdr); k = 0
    while n < target:
        for r in rows:
            line = f"INC{k:09d}" + r
            f.write(line); n += len(line); k += 1
            if n >= target: break
print(k, n)
