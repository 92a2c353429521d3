# Màn hình bắt đầu (khi chưa mở bản đồ nào) và hộp thoại chọn tệp có sẵn.

## Màn hình bắt đầu
start-subtitle = Vẽ lại những gì khách hàng làm, nghĩ và cảm nhận qua từng giai đoạn.
start-load-error = Không mở được bản đồ
start-templates = Bắt đầu từ một mẫu
start-templates-hint = Bấm vào một mẫu để tạo bản đồ mới.
start-content-language = Ngôn ngữ của bản đồ mới:
start-template-hover = Tạo bản đồ mới từ mẫu này, viết bằng { $language }
start-open-section = Mở bản đồ
start-open = 📂 Mở…
start-open-hint = Chọn một tệp bản đồ .ron trên máy này
start-recent = Tệp gần đây
start-recent-empty = Chưa có tệp nào. Các bản đồ bạn mở hoặc lưu sẽ hiện ở đây.
start-recent-missing = không còn
start-recent-missing-hint = Tệp này không còn nữa: { $path }
start-samples = Bản đồ mẫu
start-samples-hint = Những bản đồ hoàn chỉnh để tham khảo và học hỏi.
start-sample-hover = Mở một bản sao của bản đồ mẫu này ({ $language })

## Hộp thoại chọn tệp
dialog-open-title = Mở bản đồ
dialog-save-title = Lưu bản đồ
dialog-folder = Thư mục
dialog-up = ⬆ Lên
dialog-up-hint = Về thư mục cha
dialog-home = 🏠 Thư mục cá nhân
dialog-home-hint = Về thư mục cá nhân của bạn
dialog-file-name = Tên tệp
dialog-open = Mở
dialog-save = Lưu
dialog-replace = Thay thế
dialog-cancel = Huỷ
dialog-empty-folder = Không có thư mục con hay bản đồ .ron nào ở đây.
dialog-cannot-read = Không đọc được thư mục này: { $reason }
dialog-no-permission = Bạn không có quyền mở thư mục này.
dialog-not-a-folder = Không có thư mục { $path }
dialog-not-found = Không có tệp nào tên “{ $name }” trong thư mục này.
dialog-overwrite = “{ $name }” đã có. Bấm Thay thế để ghi đè.
dialog-save-hint = Bản đồ được lưu dưới dạng tệp .ron.
