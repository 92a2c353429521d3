# The opportunity priority matrix: every opportunity card by impact and effort.

matrix-title = Opportunity priority matrix
matrix-count = { $count ->
        [one] 1 opportunity
       *[other] { $count } opportunities
    }
matrix-impact = Impact
matrix-effort = Effort
matrix-empty = No opportunities yet. Mark a card as an opportunity in the inspector (“This card is an opportunity”), give it an impact and an effort, and it appears here.
matrix-rule = High means 4 or 5; a 3 counts as low impact and low effort.

## Quadrants
matrix-quick-wins = Quick wins
matrix-big-bets = Big bets
matrix-fill-ins = Fill-ins
matrix-money-pits = Money pits
matrix-quick-wins-hint = High impact, low effort: do these first.
matrix-big-bets-hint = High impact, high effort: worth planning.
matrix-fill-ins-hint = Low impact, low effort: when there is time.
matrix-money-pits-hint = Low impact, high effort: think twice.

## Legend
matrix-legend-size = Bigger dot = more votes
matrix-legend-stage = Dot colour = stage:

## Tooltip and accessible names
matrix-scores = Impact { $impact } · Effort { $effort } · { $votes ->
        [one] 1 vote
       *[other] { $votes } votes
    }
matrix-stage = Stage: { $stage }
matrix-addresses = Addresses:
matrix-addresses-none = Not linked to any pain point yet.
matrix-dot = { $text }: { $quadrant }, impact { $impact }, effort { $effort }
