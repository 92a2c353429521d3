# Opening a Mermaid journey (.mmd, or a Markdown file with a ```mermaid journey block) as a map
mermaid-opened-title = A new map from { $file }
mermaid-opened-intro = The map holds these parts of the journey differently:
mermaid-opened-status = Made a new map from { $file }; save it to keep it.
mermaid-w-score = line { $line }: score { $score } is outside Mermaid's 1–5; the emotion curve keeps { $kept }
mermaid-w-no-score = line { $line }: the task has no score; its step has no point on the curve
mermaid-w-bad-score = line { $line }: “{ $text }” is not a score; its step has no point on the curve
mermaid-w-empty-section = line { $line }: section “{ $name }” has no tasks; kept as a stage with one empty step
mermaid-w-outside = line { $line }: tasks before the first section were put in a stage “{ $name }”
mermaid-w-colon = line { $line }: the task name “{ $name }” holds a colon, where Mermaid would cut it; the whole name was kept
mermaid-w-actors = line { $line }: a map has one persona: { $persona }; { $others } are noted on the actions lane
mermaid-w-ignored = line { $line }: “{ $text }” has no place in a map; left out
mermaid-e-empty = the file is empty
mermaid-e-not-journey = line { $line }: not a Mermaid journey (it starts with “{ $found }”, not “journey”)
mermaid-e-no-block = the file holds no ```mermaid block with a journey
mermaid-e-no-tasks = the journey has no sections and no tasks
