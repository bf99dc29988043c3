"""Where the North Jutland agreement stands today, for a notebook.

Run after `make test` (which builds the package into .venv):
    .venv/bin/python examples/python/follow_up.py
"""

import datetime

import sundhedsaftale

agreement = sundhedsaftale.nordjylland_2024()
today = datetime.date.today()
print(agreement.status_on(today))
for entry in agreement.calendar(today):
    due = entry.due.isoformat() if entry.due else "no date"
    print(f"{due:>10}  {entry.kind:<18} {entry.year or '':<5} {entry.status}")
for problem in agreement.validate(lang="da"):
    print(problem["severity"], problem["code"], problem["path"], problem["message"])
