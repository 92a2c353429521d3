# Presentation mode (F5): the title slide, the stage slides and the View menu's entry.
view-present = Present
present-title-label = Presentation: { $title }. Right arrow, Space or a click for the first stage; Esc leaves.
present-stage-label = Presentation: stage { $number } of { $count }, { $stage }.
present-progress = { $number } / { $count }
present-progress-part = { $number } / { $count } · part { $part } of { $parts }
present-goals = Goals
present-persona-goals = What { $name } wants
present-hint = → Space or click: next  ·  ← back  ·  Esc: leave
