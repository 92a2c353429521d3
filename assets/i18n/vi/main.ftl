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
edit-nothing = không có gì
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
cmd-map-info = thuộc tính bản đồ
cmd-persona = chân dung khách hàng
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
cmd-add-pinned-pain = thêm điểm đau được gắn
cmd-add-curve = thêm đường cảm xúc
cmd-set-curve = sửa đường cảm xúc
cmd-delete-curve = xoá đường cảm xúc
cmd-set-point = đổi điểm cảm xúc
cmd-delete-point = xoá điểm cảm xúc
cmd-vote = bình chọn
cmd-unvote = bỏ phiếu bình chọn
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
unsaved-body = “{ $title }” có thay đổi chưa được lưu. Lưu trước nhé?
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
