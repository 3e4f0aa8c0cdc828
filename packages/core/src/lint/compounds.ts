/**
 * Two-syllable words of administrative Vietnamese, for telling a repeated syllable that is a
 * typo ("truyền truyền") from one that joins two words ("truyền thông thông qua", "hành vi vi
 * phạm", "sử dụng dụng cụ"). Written for this project; lower case, NFC, old tone placement
 * (compared through toneKey, so "hoà"/"hòa" both match).
 */
const WORDS = `
an ninh|an toàn|ban hành|ban chỉ|chỉ đạo|báo cáo|báo chí|bảo đảm|bảo hiểm|bảo vệ|bệnh viện|biên bản|bộ phận|bổ sung|bình đẳng|
cá nhân|các cấp|cải cách|cán bộ|cảnh báo|cấp bách|chi tiết|chính phủ|chính quyền|chính sách|chính trị|chủ trì|chủ tịch|chủ động|
chức năng|chức vụ|chương trình|chuyên môn|chuyên mục|chuyên đề|chuyển đổi|công an|công bố|công chức|công dân|công khai|công nghệ|
công nghiệp|công tác|công trình|công ty|công văn|công việc|công đoàn|cơ quan|cơ sở|cơ chế|cụ thể|cung cấp|cứu trợ|dân cư|dân số|
dân tộc|dịch bệnh|dịch vụ|doanh nghiệp|du lịch|dụng cụ|dự án|dự phòng|dự thảo|dự toán|đại biểu|đại hội|đào tạo|đánh giá|đảng viên|
đầu tư|đề án|đề nghị|địa bàn|địa phương|điều chỉnh|điều hành|điều kiện|điện tử|định kỳ|đoàn kết|đoàn viên|đối tượng|đôn đốc|đơn vị|
giải pháp|giải quyết|giám đốc|giám sát|giáo dục|giao thông|hành chính|hành vi|hệ thống|hiệu quả|hoạt động|học sinh|hội nghị|
hợp tác|hợp đồng|hướng dẫn|khen thưởng|khoa học|kiểm soát|kiểm tra|kinh doanh|kinh phí|kinh tế|kỹ thuật|kế hoạch|kết luận|kết quả|
lao động|lãnh đạo|lĩnh vực|lưu thông|lưu trữ|mạng xã|môi trường|nâng cao|ngân sách|nghị định|nghị quyết|nghiên cứu|người dân|
nhà nước|nhân dân|nhân lực|nhân viên|nhiệm vụ|nội dung|nội vụ|nông nghiệp|nông thôn|pháp luật|pháp lý|pháp quy|phát huy|phát thanh|
phát triển|phân công|phân cấp|phổ biến|phổ thông|phối hợp|phòng chống|phòng ngừa|phương án|quản lý|quy chế|quy định|quy hoạch|
quy trình|quyết định|sản xuất|sinh viên|sở hữu|số hóa|số lượng|số liệu|sử dụng|tài chính|tài liệu|tài nguyên|tài sản|tăng cường|
thành phố|thành viên|thanh niên|thanh tra|thẩm quyền|thi hành|thi đua|thông báo|thông minh|thông qua|thông tin|thông tư|thông thường|
thời gian|thời hạn|thủ tục|thủ tướng|thực hiện|thường trực|thường xuyên|thương mại|tiếp nhận|tiếp tục|tình hình|tổ chức|tổng hợp|
trách nhiệm|triển khai|trợ cấp|trợ giúp|trung tâm|trung ương|truyền hình|truyền thanh|truyền thông|trường hợp|tuyên truyền|
tuyên giáo|ủy ban|ủy viên|văn bản|văn hóa|văn phòng|văn thư|vận động|vận tải|vi phạm|phạm vi|viên chức|xã hội|xây dựng|xử lý|y tế|
giao dịch|cơ cấu|cấu trúc|phòng ban|ban ngành|ngành nghề|nghề nghiệp|nghiệp vụ|vụ việc|việc làm|làm việc|số hiệu|hiệu lực|lực lượng|
lượng tử|tử vong|hội đồng|đồng chí|chí hướng|đồng thời|thời điểm|điểm danh|danh mục|mục tiêu|tiêu chuẩn|chuẩn bị|bị can|
đề xuất|xuất khẩu|khẩu hiệu|hiệu trưởng|trưởng ban|ban thường|thường vụ|vụ trưởng|cục trưởng|bộ trưởng|trưởng phòng|phòng họp|
kỷ luật|luật sư|sư phạm|phạm nhân|nhân sự|sự kiện|kiện toàn|toàn dân|dân chủ|chủ quản|quản trị|trị giá|giá trị|trị an|an sinh|
sinh hoạt|hoạt chất|nền tảng|tảng số|số liệu|dữ liệu|liệu pháp|pháp chế|chế độ|độ tuổi|tuổi trẻ|thể thao|thao tác|tác động|động viên|thông suốt|thông suốt|thông số|thông thoáng|công suất|công cộng|công lập|công nhân|
công nhận|công ước|công thương|vi mô|vi bằng|quy mô|quy tắc|quy chuẩn|hợp lý|hợp pháp|hợp nhất|phòng thủ|phòng cháy|dụng ý|số hóa|
tin học|tin tức|tin nhắn|chức vụ|chức trách|đạo đức|đạo luật|định hướng|định mức|định danh|dân sự|sự nghiệp|nghiệp đoàn|
viên chức|chức danh|danh sách|sách báo|báo điện|điện tử|tử tế|tế bào|học tập|tập huấn|huấn luyện|luyện tập|tập thể|thể chế
`;

const SET = new Set(
  WORDS.split("|")
    .map((w) => w.trim())
    .filter(Boolean),
);

/** Same-syllable pairs that are words in their own right. */
const REDUPLICATED = new Set(
  "song song|dần dần|từ từ|ngày ngày|người người|nhà nhà|đâu đâu|ai ai|xa xa|thường thường|đời đời|đêm đêm|mãi mãi|bình bình|cào cào|chuồn chuồn|ba ba|quốc quốc|oang oang|vi vu".split(
    "|",
  ),
);

export function isCompound(a: string, b: string, key: (s: string) => string): boolean {
  return SET.has(`${a} ${b}`) || KEYED.get(key).has(key(`${a} ${b}`));
}

export function isReduplicated(word: string): boolean {
  return REDUPLICATED.has(`${word} ${word}`);
}

// Keyed copies of the lexicon, built once per key function.
const KEYED = {
  cache: new Map<(s: string) => string, Set<string>>(),
  get(key: (s: string) => string): Set<string> {
    let set = this.cache.get(key);
    if (!set) {
      set = new Set([...SET].map(key));
      this.cache.set(key, set);
    }
    return set;
  },
};
