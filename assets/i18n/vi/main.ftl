# Cửa sổ chính: menu, lệnh, thanh trạng thái, hộp thoại, bảng vẽ.

app-name = journeymap
untitled = chưa đặt tên

## Menu
menu-file = Tệp
menu-edit = Sửa
menu-view = Xem
menu-map = Bản đồ
file-new = Tạo mới từ mẫu…
file-open = Mở…
file-open-sample = Mở bản đồ mẫu
file-recent = Mở gần đây
file-recent-empty = Chưa có tệp nào
file-save = Lưu
file-save-as = Lưu thành…
file-close = Đóng bản đồ
file-quit = Thoát
edit-undo = Hoàn tác
edit-undo-what = Hoàn tác: { $what }
edit-redo = Làm lại
edit-redo-what = Làm lại: { $what }
edit-cut = Cắt
edit-copy = Sao chép
edit-paste = Dán
edit-duplicate = Nhân bản
edit-delete = Xoá
edit-select-all = Chọn tất cả thẻ
view-zoom-in = Phóng to
view-zoom-out = Thu nhỏ
view-zoom-reset = Kích thước thật
view-fit = Vừa khung
view-fit-hint = Xem toàn bộ bản đồ
view-inspector = Thuộc tính
view-persona = Chân dung khách hàng
view-theme = Giao diện
view-theme-light = Sáng
view-theme-dark = Tối
view-theme-system = Theo hệ thống
view-language = Ngôn ngữ
map-properties = Thuộc tính bản đồ…
map-add-stage = Thêm giai đoạn
map-add-lane = Thêm hàng

## Lệnh có thể hoàn tác
cmd-map-info = sửa thuộc tính bản đồ
cmd-persona = sửa chân dung khách hàng
cmd-add-stage = thêm giai đoạn
cmd-set-stage = sửa giai đoạn
cmd-move-stage = di chuyển giai đoạn
cmd-delete-stage = xoá giai đoạn
cmd-add-step = thêm bước
cmd-rename-step = đổi tên bước
cmd-delete-step = xoá bước
cmd-add-lane = thêm hàng
cmd-set-lane = sửa hàng
cmd-move-lane = di chuyển hàng
cmd-delete-lane = xoá hàng
cmd-add-card = thêm thẻ
cmd-edit-card = sửa thẻ
cmd-move-cards = di chuyển thẻ
cmd-delete-cards = xoá thẻ
cmd-insert-cards = dán thẻ
cmd-add-pinned-pain = thêm điểm đau gắn với điểm cảm xúc
cmd-add-curve = thêm đường cảm xúc
cmd-set-curve = sửa đường cảm xúc
cmd-delete-curve = xoá đường cảm xúc
cmd-set-point = đổi điểm cảm xúc
cmd-delete-point = xoá điểm cảm xúc
cmd-vote = bình chọn
cmd-unvote = rút lại phiếu bình chọn
cmd-mark-reviewed = đánh dấu đã rà soát

## Thanh trạng thái
status-counts = { $stages } giai đoạn · { $steps } bước · { $lanes } hàng · { $cards } thẻ
status-selected = Đã chọn { $count }
status-repaired = ⚠ Đã sửa { $count } lỗi khi mở tệp
status-saved = Đã lưu { $file }
status-autosaved = Đã lưu bản khôi phục
status-unsaved = Có thay đổi chưa lưu

## Bảng vẽ
canvas-label = Bảng vẽ bản đồ: { $title }
canvas-new-stage = Giai đoạn mới
canvas-new-step = Bước mới
canvas-add-stage-hint = Thêm giai đoạn
canvas-add-lane-hint = Thêm hàng
card-label = Thẻ: { $text }
card-empty = (thẻ trống)
stage-label = Giai đoạn: { $name }
step-label = Bước: { $name }
lane-label = Hàng: { $name }
ctx-rename = Đổi tên
ctx-color = Màu
ctx-color-default = Mặc định
ctx-add-step = Tách: thêm một bước
ctx-add-stage-before = Thêm giai đoạn phía trước
ctx-add-stage-after = Thêm giai đoạn phía sau
ctx-delete-stage = Xoá giai đoạn
ctx-delete-step = Xoá bước
ctx-add-lane-below = Thêm hàng bên dưới
ctx-collapse = Thu gọn
ctx-expand = Mở rộng
ctx-delete-lane = Xoá hàng
ctx-edit = Sửa nội dung
ctx-channel = Kênh
ctx-online = Trực tuyến
ctx-custom-channel = Kênh khác…
inplace-card = Nội dung thẻ
inplace-stage = Tên giai đoạn
inplace-step = Tên bước
inplace-lane = Tên hàng
line-of-visibility = Đường ranh giới hiển thị

## Loại hàng
lane-kind-touchpoints = Điểm chạm
lane-kind-actions = Hành động
lane-kind-thoughts = Suy nghĩ
lane-kind-emotions = Cảm xúc
lane-kind-pain-points = Điểm đau
lane-kind-opportunities = Cơ hội
lane-kind-metrics = Chỉ số
lane-kind-text = Ghi chú tự do
lane-kind-frontstage = Tuyến đầu
lane-kind-backstage = Hậu trường
lane-kind-support = Quy trình hỗ trợ

## Loại bản đồ
map-type-current = Hiện trạng
map-type-future = Tương lai
map-type-day = Một ngày của khách hàng
map-type-blueprint = Bản thiết kế dịch vụ

## Màu
color-yellow = Vàng
color-orange = Cam
color-red = Đỏ
color-pink = Hồng
color-purple = Tím
color-blue = Xanh dương
color-teal = Xanh ngọc
color-green = Xanh lá
color-gray = Xám

## Hộp thoại
unsaved-title = Thay đổi chưa lưu
unsaved-body = “{ $title }” có thay đổi chưa được lưu. Bạn có muốn lưu trước không?
unsaved-save = Lưu
unsaved-discard = Không lưu
unsaved-cancel = Huỷ
recovery-title = Khôi phục phần việc chưa lưu?
recovery-restore = Khôi phục
recovery-discard = Bỏ đi
error-title = Có lỗi xảy ra
error-ok = OK
open-failed = Không mở được bản đồ
save-failed = Không lưu được bản đồ
drop-not-ron = Chỉ mở được bản đồ .ron: { $file }

# paste
notice-paste-no-cell = Hãy chọn một ô hoặc một thẻ để dán vào.
notice-paste-left-out = { $count } dòng hoặc thẻ vượt quá giới hạn của một lần dán và đã bị bỏ qua.
notice-paste-shortened = { $count } dòng dán vào dài hơn 2.000 ký tự và đã được rút gọn.

# unknown fields
unknown-fields-banner = ⚠ Bản đồ này có { $count } trường mà phiên bản journeymap này không biết (từ phiên bản mới hơn, hoặc gõ nhầm). Khi lưu, chúng được giữ nguyên như trong tệp.
unknown-fields-details = Những trường nào?
unknown-fields-close = Đã hiểu
unknown-field = Dòng { $line }: { $path }
unknown-field-typo = Dòng { $line }: { $path } (có phải ý bạn là “{ $known }”?)

# changed on disk
status-reloaded = Đã tải lại { $file }: tệp đã thay đổi trên đĩa
disk-changed-title = Tệp đã thay đổi trên đĩa
disk-changed-body = Có người (một cửa sổ khác, công cụ đồng bộ, git pull) đã thay đổi tệp của “{ $title }” kể từ khi bạn mở hoặc lưu ở đây. Lưu bây giờ sẽ thay thế phiên bản của họ.
disk-changed-overwrite = Thay bằng bản của tôi
disk-changed-save-as = Lưu thành tệp mới…
disk-changed-reload = Tải lại từ đĩa (bỏ thay đổi của tôi)
disk-changed-banner = ⚠ Tệp đã thay đổi trên đĩa kể từ khi bạn mở. Các thay đổi chưa lưu của bạn vẫn còn đây.
disk-changed-keep = Giữ bản của tôi

# load errors and reasons
io-not-found = tệp không tồn tại
io-permission = không có quyền truy cập
io-is-folder = đó là một thư mục
io-not-folder = một phần của đường dẫn không phải là thư mục
io-disk-full = ổ đĩa đã đầy
io-read-only-fs = ổ đĩa chỉ cho phép đọc
io-too-large = tệp quá lớn
io-bad-name = tên này không hợp lệ ở đây
load-io = { $file }: không đọc được: { $reason }
load-too-large = { $file }: quá lớn để là một bản đồ hành trình ({ $size } byte; giới hạn là { $limit } byte)
load-empty = { $file }: tệp trống
load-nul = { $file }:{ $line }:{ $column }: không phải tệp văn bản (có byte NUL); đây có phải bản đồ hành trình không?
load-not-utf8 = { $file }:{ $line }:{ $column }: không phải tệp văn bản (UTF-8 không hợp lệ); đây có phải bản đồ hành trình không?
load-syntax = { $file }:{ $line }:{ $column }: lỗi cú pháp: { $message }
load-newer = { $file }: được tạo bởi journeymap mới hơn (định dạng { $found }; phiên bản này đọc được đến { $supported }). Hãy cập nhật journeymap để mở.
load-unknown-format = { $file }: không rõ phiên bản định dạng tệp { $found }

# save errors
save-serialize = không lưu được { $file }: { $message }
save-missing-folder = không lưu được { $file }: thư mục { $folder } không tồn tại; hãy tạo thư mục hoặc chọn thư mục khác bằng Lưu thành
save-is-folder = không lưu được { $file }: đó là một thư mục, không phải tệp; hãy chọn tên tệp bằng Lưu thành
save-read-only = không lưu được { $file }: tệp chỉ cho phép đọc; hãy dùng Lưu thành để lưu một bản sao, hoặc cho phép ghi tệp trước
save-link-loop = không lưu được { $file }: đường dẫn là một vòng lặp hoặc chuỗi liên kết tượng trưng quá dài; hãy dùng Lưu thành để chọn tệp
save-disk-full = không lưu được { $file }: ổ đĩa đã đầy; hãy giải phóng dung lượng hoặc dùng Lưu thành để lưu vào ổ khác. Tệp trên đĩa không bị thay đổi.
save-io = không lưu được { $file }: { $what }: { $reason }; hãy thử lại hoặc dùng Lưu thành. Tệp trên đĩa không bị thay đổi.
save-backup = đã lưu { $file }, nhưng không giữ được phiên bản trước thành { $backup }: { $reason }; tệp .bak cũ vẫn còn
save-step-attributes = không đọc được thuộc tính của tệp
save-step-folder-is-file = thư mục chứa nó là một tệp
save-step-temp = không tạo được tệp tạm trong thư mục
save-step-write = không ghi được tệp tạm
save-step-permissions = không đặt được quyền cho tệp tạm
save-step-flush = không đẩy được tệp tạm xuống đĩa
save-step-copy = không sao chép được phiên bản trước
save-step-replace = không thay thế được tệp
save-step-link = không đọc được liên kết tượng trưng
save-warning = Đã lưu, kèm cảnh báo

# repairs made while loading
subject-map = bản đồ
subject-persona = chân dung khách hàng
subject-stage = giai đoạn "{ $name }"
subject-stage-id = giai đoạn { $id } "{ $name }"
subject-step = một bước của giai đoạn "{ $stage }"
subject-step-id = bước { $id } của giai đoạn "{ $stage }"
subject-lane = hàng "{ $name }"
subject-lane-id = hàng { $id } "{ $name }"
subject-card = thẻ "{ $name }"
subject-card-id = thẻ { $id } "{ $name }"
subject-pain = điểm đau "{ $name }"
subject-curve = đường cảm xúc "{ $name }"
subject-curve-id = đường cảm xúc { $id } "{ $name }"
subject-point = điểm tại { $step } của đường cảm xúc { $id } "{ $name }"
warn-text-cleaned-one = { $subject } { $field }: đã bỏ 1 ký tự điều khiển
warn-text-cleaned = { $subject } { $field }: đã bỏ { $count } ký tự điều khiển
warn-next-id-too-large = next_id { $found } vượt quá số id lớn nhất ({ $max }); đặt thành { $fixed }
warn-id-control = id { $id } chứa ký tự điều khiển; đã đánh số lại thành { $new } và cập nhật các liên kết tới nó
warn-id-too-large = id { $id } vượt quá số id lớn nhất ({ $max }); đã đánh số lại thành { $new } và cập nhật các liên kết tới nó
warn-ids-compacted = các id chạm tới số id lớn nhất ({ $max }); đã đánh số lại mọi id từ 1 và cập nhật các liên kết
warn-goals = bản đồ có { $count } mục tiêu kinh doanh; hãy giữ 1–3 mục tiêu để bản đồ tập trung
warn-cadence = chu kỳ rà soát { $found } tháng nằm ngoài khoảng 1–36; đặt thành { $fixed }
warn-language = ngôn ngữ nội dung đang trống; đặt thành "en"
warn-next-id-low = next_id { $found } không lớn hơn id cao nhất đang dùng ({ $highest }); đặt thành { $fixed }
warn-no-id = { $subject } không có id; đã gán { $fresh }
warn-id-twice = id { $id } bị dùng hai lần; phần tử thứ hai ({ $subject }) nay có id { $fresh }
warn-stage-no-steps = { $subject } không có bước nào; đã thêm bước { $step }
warn-card-step = { $subject } nằm ở bước { $step }, bước này không tồn tại; đã chuyển sang bước { $target }
warn-card-emotion-lane = { $subject } nằm ở { $lane }, một hàng cảm xúc chỉ hiển thị đường cảm xúc, không chứa thẻ; đã chuyển sang hàng { $target }
warn-card-lane = { $subject } nằm ở { $lane }, một hàng không tồn tại; đã chuyển sang hàng { $target }
warn-severity = { $subject }: mức độ { $found } nằm ngoài khoảng 1–5; đặt thành { $fixed }
warn-metric-missing = { $subject }: bằng chứng trỏ tới thẻ chỉ số { $id } không tồn tại; giữ lại dưới dạng văn bản
warn-impact = { $subject }: tác động { $found } nằm ngoài khoảng 1–5; đặt thành { $fixed }
warn-effort = { $subject }: công sức { $found } nằm ngoài khoảng 1–5; đặt thành { $fixed }
warn-link-removed = { $subject }: đã bỏ liên kết tới { $id }: đó không phải điểm đau của bản đồ này, hoặc bị liệt kê hai lần
warn-unpinned = { $subject } được ghim vào thứ không nằm trong bước của nó (hoặc không có trong bản đồ); đã bỏ ghim
warn-point-twice = { $subject } có điểm thứ hai cho cùng một bước ({ $step }); đã xoá
warn-point-no-step = { $subject } có điểm cho một bước không tồn tại ({ $step }); đã xoá
warn-score-nan = { $subject }: điểm tại { $step } không phải là số; đặt thành 0
warn-score-range = { $subject }: điểm { $found } tại { $step } nằm ngoài khoảng −2 đến +2; đặt thành { $fixed }
warn-kept-field-lost = trường không xác định { $field } thuộc về một phần tử có id phải sửa; trường này sẽ không được lưu
# recovery
recovery-list-body = journeymap đã đóng mà chưa lưu các bản đồ này. Khôi phục một bản để làm tiếp, hoặc bỏ đi bản không cần.
recovery-untitled = (bản đồ chưa đặt tên)
recovery-file = Tệp: { $file }
recovery-not-saved = Chưa lưu vào tệp nào
recovery-changed = Thay đổi lần cuối: { $when }
recovery-unreadable = Không đọc được bản sao này: { $reason }
recovery-later = Để sau
recovery-later-hint = Các bản được giữ lại sẽ được đề nghị lại ở lần mở sau.
recovery-discard-failed = Không bỏ được bản khôi phục: { $error }
status-restored = Đã khôi phục “{ $title }” từ bản khôi phục: hãy lưu để giữ lại
status-autosave-failed = Chưa lưu được bản khôi phục: { $error }

# Workshop view, fit and the inspector strip (issue 10, view part)
view-workshop = Chế độ hội thảo
view-workshop-hint = Chữ và nút lớn hơn để chiếu lên màn hình; ẩn các bảng bên. Được nhớ cho bản đồ này.
tool-workshop = 🖥 Hội thảo
insp-open = Mở bảng thuộc tính. Chọn một thẻ, giai đoạn, bước hoặc hàng để sửa ở đây.
insp-fold = Thu bảng thuộc tính thành một dải khi không chọn gì

# Sửa ngay tại chỗ: tiêu đề bản đồ trên thanh trên cùng (issue 10)
heading-title-hint = Bấm đúp để đổi tên bản đồ
heading-title-edit = Tên bản đồ
heading-type-hint = Bấm đúp để đổi loại bản đồ
heading-persona-hint = Bấm để hiện hoặc ẩn chân dung khách hàng; bấm đúp để đổi tên
heading-persona-edit = Tên của chân dung khách hàng

# Dữ liệu khách hàng trong bản đồ: sửa lỗi, nhãn hoàn tác, tên chỉ số, bằng chứng đo được (issue 11, phần lõi)
warn-alias-missing = { $subject }: tên gọi khác "{ $value }" trỏ tới thẻ { $id } không tồn tại; đã xoá
warn-target-missing = { $subject }: mục tiêu { $metric } của { $id } (không tồn tại) đã bị xoá
warn-target-nan = { $subject }: mục tiêu { $metric } của { $id } không phải là số; đã xoá
warn-target-range = { $subject }: mục tiêu { $metric } { $found } của { $id } nằm ngoài khoảng { $range }; đặt thành { $fixed }
warn-snapshot-card-missing = { $subject }: "{ $value }" được khớp với thẻ { $id } không tồn tại; giờ chưa được khớp
warn-snapshot-stage-missing = { $subject }: giai đoạn "{ $value }" được khớp với giai đoạn { $id } không tồn tại; giờ chưa được khớp
warn-metric-nan = { $subject }: { $metric } của "{ $value }" không phải là số; đã xoá
warn-metric-range = { $subject }: { $metric } { $found } của "{ $value }" nằm ngoài khoảng { $range }; đặt thành { $fixed }
warn-measured-missing = { $subject }: bằng chứng trỏ tới { $metric } của thẻ { $id } không tồn tại; đã xoá
subject-metrics = dữ liệu khách hàng
subject-snapshot = lần nhập dữ liệu { $number } "{ $file }"
cmd-add-metric-snapshot = nhập dữ liệu khách hàng
cmd-delete-metric-snapshot = xoá lần nhập dữ liệu
cmd-set-alias = gán giá trị dữ liệu cho thẻ
cmd-remove-alias = bỏ gán giá trị dữ liệu
cmd-ignore-value = bỏ qua giá trị dữ liệu
cmd-unignore-value = thôi bỏ qua giá trị dữ liệu
cmd-set-target = đặt mục tiêu
cmd-remove-target = xoá mục tiêu
cmd-import-settings = lưu cài đặt nhập dữ liệu
cmd-add-measured-pain = thêm điểm đau từ dữ liệu
metric-events = Sự kiện
metric-customers = Khách hàng
metric-conversion-rate = Chuyển đổi
metric-csat = CSAT
metric-nps = NPS
metric-continuation = Đi tiếp
measured-value = { $metric } { $value } — { $card }
measured-value-target = { $metric } { $value } (mục tiêu { $target }) — { $card }
measured-value-overall = { $metric } { $value } (mức chung { $overall }) — { $card }
measured-no-data = { $metric }: chưa có dữ liệu — { $card }
metric-pain-missed = { $metric } chưa đạt mục tiêu tại { $card }
metric-pain-below = { $metric } thấp hơn mức chung tại { $card }
insp-evidence-measured = Số đo
insp-measured-hint = Số liệu mới nhất đã nhập của điểm chạm này; tự cập nhật sau mỗi lần nhập lại.
