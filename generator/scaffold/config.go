package scaffold

// DataDir is the data folder of a new site, relative to the site folder.
const DataDir = "data"

// configText is the opsalign.toml of a new site: every key of config.md,
// commented out at its default, except data_dir, which points at the
// templates.
const configText = `# opsalign site config. Every key is optional: a commented-out key shows
# its default. Uncomment a line to change it. A typo is an error that names
# the key and line, never a silent default.

title = "Operations & IT alignment"

# Where the spreadsheets are (every .xlsx and .csv in it and its subfolders).
data_dir = "data"
# content_dir = "content"       # markdown narrative
# output_dir = "public"         # the built site
# theme = "default"

# The report date. Default: the end of the latest period that has actuals.
# as_of = "2026-06-30"

# currency = "USD"              # amounts are read in this currency, never converted
# date_order = "DMY"            # or "MDY": how 03/04/2026 is read
# decimal_separator = "."       # or "," for European exports
# fiscal_year_start = 1         # month the fiscal year starts; 4 = April–March
# time_zone = "UTC"             # incidents' times are read in this zone
# unsafe_html = false           # keep raw HTML in the markdown narrative

# [brand]
# logo = ""                     # path inside the site folder
# accent = "#1f4e79"

# Budget-share bands per category: [low, high].
# [policy.split]
# run = [0.55, 0.75]
# improve = [0.15, 0.30]
# transform = [0.05, 0.20]

# Thresholds of the alignment scorecard.
# [policy]
# impact_grace_days = 90        # days after go-live before impact is judged
# min_progress = 0.25           # progress towards target that counts as impact
# adoption_target = 0.70
# stability_cv_max = 0.15       # process stable: coefficient of variation at most
# review_attendance_pass = 0.75
# review_attendance_warn = 0.50
# budget_tolerance = 0.10       # spend above budget by more than this warns
# dr_max_age_days = 365
# aligned_spend_target = 0.60

# Check weights in the score, per check id; default 1.
# [policy.weights]
# impact_realized = 2          # e.g. count impact twice

# Only where automatic recognition is not enough: name a file's table,
# header row and column renames.
# [[sources]]
# file = "finance/FY27 register.xlsx"   # relative to data_dir
# sheet = "Register"
# table = "initiatives"
# header_row = 3
# [sources.columns]
# "Exec Sponsor (Ops)" = "business_owner"
`
