// The one display-name rule for administrative units: type word + name, never the type word twice.
import { describe, expect, it } from 'vitest';
import { bareName, unitDisplayName, unitInlineName, unitMapLabel } from '../../geo/unit-names';

describe('unitDisplayName', () => {
  it.each([
    ['Phường', 'Phường 1', 'Phường 1'],
    ['Quận', 'Quận 3', 'Quận 3'],
    ['Xã', 'Phường 15', 'Phường 15'], // a ward the official list types as a commune keeps its own word
    ['Thành phố trực thuộc trung ương', 'Hồ Chí Minh', 'Thành phố Hồ Chí Minh'],
    ['Thành phố trực thuộc trung ương', 'Thành phố Hồ Chí Minh', 'Thành phố Hồ Chí Minh'],
    ['Thành phố trực thuộc trung ương', 'Thành phố trực thuộc trung ương Cần Thơ', 'Thành phố Cần Thơ'],
    ['Thành phố trung ương', 'Đà Nẵng', 'Thành phố Đà Nẵng'],
    ['Thị trấn', 'Càng Long', 'Thị trấn Càng Long'],
    ['Thị trấn', 'Thị trấn Càng Long', 'Thị trấn Càng Long'],
    ['Phường', '15', 'Phường 15'],
    ['Xã', 'Tân An', 'Xã Tân An'],
    ['Tỉnh', 'Trà Vinh', 'Tỉnh Trà Vinh'],
    ['Huyện', 'Châu Thành', 'Huyện Châu Thành'],
    ['Thị xã', 'Duyên Hải', 'Thị xã Duyên Hải'],
    ['Thành phố', 'Trà Vinh', 'Thành phố Trà Vinh'],
    ['Đặc khu', 'Côn Đảo', 'Đặc khu Côn Đảo'],
    ['Huyện', 'Đặc khu Phú Quốc', 'Đặc khu Phú Quốc'],
    ['Quận', 'quận 3', 'quận 3'], // case does not count in the comparison; the name is shown as written
    ['Xã', 'XÃ Tân An', 'XÃ Tân An'],
  ])('%s + %s → %s', (type, name, expected) => {
    expect(unitDisplayName({ type, name })).toBe(expected);
  });

  it('compares type words whatever the tone-mark placement, but every tone counts', () => {
    const oldStyle = 'Hu\u1ef5\u00ean Cầu Kè'; // "Huỵên": the dot below on the y rather than the ê
    expect(unitDisplayName({ type: 'Huyện', name: oldStyle })).toBe(oldStyle);
    expect(unitDisplayName({ type: 'Quận', name: 'Q\u1ee5\u00e2n 3' })).toBe('Q\u1ee5\u00e2n 3'); // "Qụân 3"
    expect(unitDisplayName({ type: 'Huyện', name: 'Quan Sơn' })).toBe('Huyện Quan Sơn'); // "Quan" is not "Quận"
    expect(unitDisplayName({ type: 'Xã', name: 'Phương Trung' })).toBe('Xã Phương Trung'); // "Phương" is not "Phường"
    expect(unitDisplayName({ type: 'Xã', name: 'Xa Mát' })).toBe('Xã Xa Mát'); // "Xa" is not "Xã"
  });

  it('takes a type word only as a whole leading word with a name after it', () => {
    expect(unitDisplayName({ type: 'Xã', name: 'Phường' })).toBe('Xã Phường');
    expect(unitDisplayName({ type: 'Xã', name: 'Tân Phường' })).toBe('Xã Tân Phường');
    expect(unitDisplayName({ type: 'Xã', name: 'Xãi Lang' })).toBe('Xã Xãi Lang');
    expect(unitDisplayName({ type: 'Phường', name: 'Thịnh Liệt' })).toBe('Phường Thịnh Liệt'); // "Thịnh" is not "Thị"
  });

  it('keeps every diacritic (NFC out of NFD in) and collapses spaces', () => {
    const out = unitDisplayName({ type: 'Phường'.normalize('NFD'), name: '  Phường   Hòa  Thuận '.normalize('NFD') });
    expect(out).toBe('Phường Hòa Thuận');
    expect(out).toBe(out.normalize('NFC'));
    expect(unitDisplayName({ type: 'Xã', name: 'Hoà Lợi' })).toBe('Xã Hoà Lợi'); // old tone placement kept as written
    expect(unitDisplayName({ type: 'Xã'.normalize('NFD'), name: 'Tân An' })).toBe('Xã Tân An');
  });

  it('shows the name alone when no type is known', () => {
    expect(unitDisplayName({ type: '', name: 'Tân An' })).toBe('Tân An');
    expect(unitDisplayName({ type: null, name: 'Phường 1' })).toBe('Phường 1');
  });
});

describe('unitMapLabel and unitInlineName', () => {
  it('labels the map with the bare name, numbered wards with their word', () => {
    expect(unitMapLabel({ type: 'Xã', name: 'Tân An' })).toBe('Tân An');
    expect(unitMapLabel({ type: 'Phường', name: '1' })).toBe('Phường 1');
    expect(unitMapLabel({ type: 'Phường', name: 'Phường 1' })).toBe('Phường 1');
    expect(unitMapLabel({ type: 'Xã', name: 'Phường 15' })).toBe('Phường 15');
    expect(unitMapLabel({ type: 'Thị trấn', name: 'Thị trấn Càng Long' })).toBe('Càng Long');
  });

  it('writes the type word in lower case inside running text', () => {
    expect(unitInlineName({ type: 'Xã', name: 'Tân An' })).toBe('xã Tân An');
    expect(unitInlineName({ type: 'Phường', name: 'Phường 1' })).toBe('phường 1');
    expect(unitInlineName({ type: 'Xã', name: 'Phường 15' })).toBe('phường 15');
    expect(unitInlineName({ type: 'Thành phố trực thuộc trung ương', name: 'Hồ Chí Minh' })).toBe(
      'thành phố Hồ Chí Minh',
    );
    expect(unitInlineName({ type: 'Đặc khu', name: 'Côn Đảo' })).toBe('đặc khu Côn Đảo');
  });
});

describe('bareName', () => {
  it('drops the leading type word, long official city type included, but not a numbered ward’s', () => {
    expect(bareName('Thị trấn Càng Long')).toBe('Càng Long');
    expect(bareName('Phường 4')).toBe('Phường 4');
    expect(bareName('Thành phố trực thuộc trung ương Hồ Chí Minh')).toBe('Hồ Chí Minh');
    expect(bareName('Thành phố Trung ương Cần Thơ')).toBe('Cần Thơ');
    expect(bareName('Quan Sơn')).toBe('Quan Sơn');
  });
});
