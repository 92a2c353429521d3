# Side panels: the inspector for the selection, the persona, the map properties.

## Inspector
insp-title = Inspector
insp-nothing-selected = Select a card, a stage, a step or a lane to see and edit its details here.
insp-card = Card
insp-cards-selected = { $count } { $count ->
        [one] card
       *[other] cards
    } selected
insp-text = Text
insp-text-hint = What happens here, in a few words
insp-details = Details
insp-details-hint = Background, sources, notes
insp-name = Name
insp-channel-none = No channel
insp-channel-name = Channel name
insp-channel-name-hint = e.g. Pop-up stand
insp-pain = Pain point
insp-is-pain = This card is a pain point
insp-severity = Severity
insp-severity-1 = Minor
insp-severity-2 = Moderate
insp-severity-3 = Major
insp-severity-4 = Severe
insp-severity-5 = Critical
insp-votes = Votes
insp-status = Status
insp-status-open = Open
insp-status-in-progress = In progress
insp-status-fixed = Fixed
insp-owner = Owner
insp-owner-hint = Who fixes it
insp-evidence = Evidence
insp-evidence-text = Text
insp-evidence-link = Link
insp-evidence-metric = Metric
insp-evidence-kind = Kind of evidence { $n }
insp-evidence-item = Evidence { $n }
insp-evidence-remove = Remove evidence { $n }
insp-evidence-text-hint = A quote, an observation, a number
insp-open-link = Open the link
insp-add-text = + Text
insp-add-link = + Link
insp-add-metric = + Metric
insp-no-metrics = Add a card to a metrics lane first
insp-opportunity = Opportunity
insp-is-opportunity = This card is an opportunity
insp-impact = Impact
insp-effort = Effort
insp-addresses = Pain points it addresses
insp-no-pain-points = No pain points on this map yet.
insp-stage = Stage
insp-stage-name-hint = e.g. Consideration
insp-steps = Steps
insp-step-n = Step { $n }
insp-step-name-hint = (no name)
insp-add-step = + Add step
insp-step = Step
insp-in-stage = In stage: { $stage }
insp-lane = Lane
insp-lane-name-hint = e.g. Touchpoints
insp-lane-kind = Kind
insp-emotions-needs-empty = Only an empty lane can become the emotion lane.
insp-list-item = { $list }: item { $n }
insp-list-remove = { $list }: remove item { $n }
insp-list-add = + Add
insp-list-add-to = { $list }: add an item

## Persona
persona-avatar = Avatar
persona-avatar-hint = Emoji
persona-name = Name
persona-name-hint = e.g. Ms Lan
persona-segment = Segment
persona-segment-hint = Who this persona stands for
persona-bio = Bio
persona-bio-hint = Age, job, family, habits
persona-goals = Goals
persona-goals-hint = What they want to achieve
persona-needs = Needs
persona-needs-hint = What they need from the brand
persona-frustrations = Frustrations
persona-frustrations-hint = What gets in their way
persona-quote = Quote
persona-quote-hint = Something they would say, in their words

## Map properties
props-title = Title
props-title-hint = What journey this map shows
props-description = Description
props-description-hint = Scope, sources, who the map is for
props-map-type = Map type
props-language = Content language
props-language-other = Other…
props-language-code = Language code
props-language-code-hint = e.g. fr, th, zh-Hans
props-language-invalid = Use a language code such as fr or pt-BR.
props-goals = Business goals
props-goals-hint = A goal this map serves
props-goals-empty = A map should serve one to three business goals.
props-goals-max = At most three goals: a map that serves everything serves nothing.
props-review = Review
props-last-reviewed = Last reviewed
props-today = Today
props-date-invalid = Type the date as YYYY-MM-DD, e.g. 2025-03-31.
props-cadence = Review every
props-months = { $count } { $count ->
        [one] month
       *[other] months
    }
props-never-reviewed = Never checked against real data yet.
props-next-review = Next review due { $date }
props-overdue = overdue
