# Ma trận ưu tiên: mọi thẻ cơ hội theo tác động và công sức.

matrix-title = Ma trận ưu tiên cơ hội
matrix-count = { $count } cơ hội
matrix-impact = Tác động
matrix-effort = Công sức
matrix-empty = Chưa có cơ hội nào. Hãy đánh dấu một thẻ là cơ hội trong bảng Thuộc tính (“Thẻ này là một cơ hội”), cho điểm tác động và công sức, thẻ sẽ hiện ở đây.
matrix-rule = “Cao” là 4 hoặc 5; điểm 3 được tính là tác động thấp và công sức thấp.

## Các góc phần tư
matrix-quick-wins = Thắng nhanh
matrix-big-bets = Đặt cược lớn
matrix-fill-ins = Việc lấp chỗ trống
matrix-money-pits = Hố tiền
matrix-quick-wins-hint = Tác động cao, công sức thấp: làm trước.
matrix-big-bets-hint = Tác động cao, công sức cao: đáng lên kế hoạch.
matrix-fill-ins-hint = Tác động thấp, công sức thấp: làm khi có thời gian.
matrix-money-pits-hint = Tác động thấp, công sức cao: cân nhắc kỹ.

## Chú giải
matrix-legend-size = Chấm càng to = càng nhiều phiếu
matrix-legend-stage = Màu chấm = giai đoạn:

## Chú thích khi rê chuột và tên cho trình đọc màn hình
matrix-scores = Tác động { $impact } · Công sức { $effort } · { $votes } phiếu
matrix-stage = Giai đoạn: { $stage }
matrix-addresses = Giải quyết:
matrix-addresses-none = Chưa gắn với điểm đau nào.
matrix-dot = { $text }: { $quadrant }, tác động { $impact }, công sức { $effort }
