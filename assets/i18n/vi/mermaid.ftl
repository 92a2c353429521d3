# Mở một hành trình Mermaid (.mmd, hoặc tệp Markdown có khối ```mermaid journey) thành bản đồ
mermaid-opened-title = Bản đồ mới từ { $file }
mermaid-opened-intro = Bản đồ giữ những phần này của hành trình theo cách khác:
mermaid-opened-status = Đã tạo bản đồ mới từ { $file }; hãy lưu để giữ lại.
mermaid-w-score = dòng { $line }: điểm { $score } nằm ngoài thang 1–5 của Mermaid; đường cảm xúc giữ { $kept }
mermaid-w-no-score = dòng { $line }: việc này không có điểm; bước của nó không có điểm trên đường cảm xúc
mermaid-w-bad-score = dòng { $line }: “{ $text }” không phải là điểm; bước của nó không có điểm trên đường cảm xúc
mermaid-w-empty-section = dòng { $line }: phần “{ $name }” không có việc nào; giữ thành một giai đoạn với một bước trống
mermaid-w-outside = dòng { $line }: các việc trước phần đầu tiên được đặt vào giai đoạn “{ $name }”
mermaid-w-colon = dòng { $line }: tên việc “{ $name }” có dấu hai chấm, chỗ Mermaid sẽ cắt; đã giữ nguyên cả tên
mermaid-w-actors = dòng { $line }: bản đồ chỉ có một chân dung khách hàng: { $persona }; { $others } được ghi ở làn hành động
mermaid-w-ignored = dòng { $line }: “{ $text }” không có chỗ trong bản đồ; đã bỏ qua
mermaid-e-empty = tệp trống
mermaid-e-not-journey = dòng { $line }: không phải hành trình Mermaid (bắt đầu bằng “{ $found }”, không phải “journey”)
mermaid-e-no-block = tệp không có khối ```mermaid nào chứa hành trình
mermaid-e-no-tasks = hành trình không có phần nào và không có việc nào
