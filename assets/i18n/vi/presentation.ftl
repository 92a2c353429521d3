# Chế độ trình chiếu (F5): trang tiêu đề, các trang giai đoạn và mục trong menu Xem.
view-present = Trình chiếu
present-title-label = Trình chiếu: { $title }. Mũi tên phải, phím cách hoặc bấm chuột để sang giai đoạn đầu; Esc để thoát.
present-stage-label = Trình chiếu: giai đoạn { $number } trên { $count }, { $stage }.
present-progress = { $number } / { $count }
present-progress-part = { $number } / { $count } · phần { $part } trên { $parts }
present-goals = Mục tiêu
present-persona-goals = Điều { $name } mong muốn
present-hint = → phím cách hoặc bấm chuột: tiếp  ·  ← quay lại  ·  Esc: thoát
