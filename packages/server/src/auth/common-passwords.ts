/**
 * Passwords too common to allow: our own list of the usual suspects (number runs, keyboard
 * walks, "password" and "admin" in their dressings) and the Vietnamese ones (mật khẩu, anh yêu
 * em, the product's own name, agency words). Written lower-case without diacritics: the policy
 * folds what it compares. Shorter ones are refused by the length rule anyway, but they also
 * catch a common core dressed with digits ("matkhau@2026").
 */
const LIST = `
1234 12345 4321 54321 0000 1111 abcd qwer 123456 1234567 12345678 123456789 1234567890 0123456789 12345678910 0987654321 987654321
111111 1111111111 000000 0000000000 123123 123123123 123321 654321 666666 888888 8888888888
999999 121212 112233 11223344 123654 147258 147258369 159753 159357 147852 147852369 123456a
123456aa 123qwe 1q2w3e 1q2w3e4r 1q2w3e4r5t 1qaz2wsx 1qazxsw2 zaq12wsx zaq1zaq1 qwerty qwerty123
qwertyuiop qwertyuiop123 qwer1234 asdfgh asdfghjkl asdf1234 zxcvbn zxcvbnm zxcvbnm123 qazwsx
qazwsxedc azerty password password1 password12 password123 password1234 passw0rd p@ssw0rd
p@ssword pa55word pass pass123 pass1234 passwd mypassword newpassword changeme changeme123
letmein welcome welcome1 welcome123 hello hello123 helloworld abc123 abcd1234 abcdef abcdefgh
abc12345 a123456 a123456789 aa123456 admin admin1 admin12 admin123 admin1234 admin12345
admin@123 admin@1234 admin@12345 admin123456 administrator adminadmin root root123 toor
superuser super123 master master123 guest guest123 user user123 user1234 test test123
test1234 tester demo demo123 default secret secret123 login login123 system system123
iloveyou iloveu loveyou love123 lovely princess sunshine shadow monkey dragon football
baseball soccer superman batman starwars pokemon minecraft whatever trustno1 freedom
computer internet google samsung iphone apple microsoft windows linux ubuntu
matkhau matkhau1 matkhau12 matkhau123 matkhau1234 matkhau@123 matkhaumoi matkhaucu
matkhaumacdinh matkhau2024 matkhau2025 matkhau2026 mk123456 mk123 mk@123 doimatkhau
vanthu vanthu1 vanthu123 vanthu@123 vanthu2026 vanban vanban123 vanphong vanphong123
congvan congvan123 quantri quantri123 quantrivien nguoidung nguoidung123 taikhoan taikhoan123
dangnhap dangnhap123 xinchao xinchao123 chaoban tamthoi matkhautamthoi
anhyeuem anhyeuem123 emyeuanh emyeuanh123 yeuem yeuem123 yeuanh yeuanh123 yeuemnhieu
iloveyou123 toiyeuban yeuthuong hanhphuc giadinh vietnam vietnam123 vietnam2026 hanoi
hanoi123 saigon saigon123 hochiminh danang haiphong langson langson123 bacgiang camtu
thanhcong thanhcong123 maimai bimat bimat123 conmeo concho meomeo meo123 khongbiet
khongco quenmatkhau saigon1975 hoanganh ngoclan minhanh thuhuong thanhhuong phuonganh
nguyen nguyen123 nguyenvana tran tran123 le123 pham123 hoang hoang123 huynh phan vu vo
dang bui do ho ngo duong ly anhtuan tuananh ducanh quanghuy minhduc thanhtung
sotttt ubnd ubnd123 ubndtinh ubndhuyen ubndxa tinhuy huyenuy dangbo doanthanhnien
congdoan hoiphunu mattran sonoivu soyte sogiaoduc sotaichinh sokehoach sotuphap
coquan coquan123 donvi donvi123 phongban canbo canbo123 congchuc congchuc123 vienchuc
chuyenvien lanhdao giamdoc phogiamdoc truongphong chutich
zxc123 zxc123456 asd123 asd123456 qwe123 qwe123456 aaaaaa aaaaaaaaaa abcabc abc123abc
qweasd qweasdzxc qweasdzxc123 asdasd zxczxc 1234qwer 1234abcd 12344321 123abc 321321
520520 5201314 7758521 147147 159159 258258 369369 123789 789456 789456123 456789 456123
11111111 22222222 33333333 44444444 55555555 66666666 77777777 88888888 99999999 00000000
12341234 12121212 13131313 10101010 20202020 19901990 20262026 20252025 20242024
01012000 01011990 01011980 31121999 ddmmyyyy yyyymmdd
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
