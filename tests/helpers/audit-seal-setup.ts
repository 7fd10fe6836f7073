// Every spec runs with a fixed audit key and no anchor file (the audit-seal spec sets its own).
import { sealFromKey, useAuditSeal } from '../../server/services/audit-seal';

useAuditSeal(sealFromKey(Buffer.from('khóa-nhật-ký-dùng-cho-kiểm-thử-0123456789'), null));
