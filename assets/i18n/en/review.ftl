# The pain-point review table.

review-title = Pain-point review
review-col-stage = Stage
review-col-step = Step
review-col-text = Pain point
review-col-severity = Severity
review-col-votes = Votes
review-col-score = Score
review-col-evidence = Evidence
review-col-opportunities = Linked opportunities
review-col-status = Status
review-col-owner = Owner
review-sort-by = Sort by this column; click again to reverse
review-filter-stage = Filter by stage
review-all-stages = All stages
review-filter-severity = Filter by severity
review-any-severity = Any severity
review-severity-at-least = { $n } · { $name } or worse
review-severity-only = { $n } · { $name }
review-filter-status = Filter by status
review-all-statuses = All statuses
review-search = Search
review-search-hint = Text, owner, evidence…
review-count = { $shown } of { $total } { $total ->
        [one] pain point
       *[other] pain points
    }
review-clear-filters = Clear filters
review-export-csv = Export CSV…
review-export-markdown = Export Markdown…
review-empty = This map has no pain points yet. Mark a card as a pain point in the inspector (⚠ Pain point → “This card is a pain point”), then review them all here.
review-empty-filtered = No pain point matches these filters.
review-status-of = Status of “{ $card }”
review-score-hint = Severity × votes
review-none = —
