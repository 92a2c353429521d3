# Start screen (shown when no map is open) and the built-in file dialog.

## Start screen
start-subtitle = Map what your customers do, think and feel, stage by stage.
start-load-error = Could not open the map
start-templates = Start from a template
start-templates-hint = Click a template to create a new map.
start-content-language = Language of the new map:
start-template-hover = Create a new map from this template, written in { $language }
start-open-section = Open a map
start-open = 📂 Open…
start-open-hint = Choose a .ron map on this computer
start-recent = Recent files
start-recent-empty = No recent files yet. Maps you open or save will appear here.
start-recent-missing = missing
start-recent-missing-hint = This file no longer exists: { $path }
start-samples = Samples
start-samples-hint = Finished maps to explore and borrow from.
start-sample-hover = Open a copy of this sample ({ $language })

## File dialog
dialog-open-title = Open a map
dialog-save-title = Save the map
dialog-folder = Folder
dialog-up = ⬆ Up
dialog-up-hint = Go to the parent folder
dialog-home = 🏠 Home
dialog-home-hint = Go to your home folder
dialog-file-name = File name
dialog-open = Open
dialog-save = Save
dialog-replace = Replace
dialog-cancel = Cancel
dialog-empty-folder = No folders or .ron maps here.
dialog-cannot-read = Cannot read this folder: { $reason }
dialog-no-permission = You do not have permission to open this folder.
dialog-not-a-folder = There is no folder { $path }
dialog-not-found = There is no file named “{ $name }” in this folder.
dialog-overwrite = “{ $name }” already exists. Click Replace to overwrite it.
dialog-save-hint = Maps are saved as .ron files.
