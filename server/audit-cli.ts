// npm run audit:verify: walks the audit chain; exit code 1 and the first bad row when it was edited or cut.
import { verifyAuditChain } from './services/audit';
import { fail, withCliDatabase } from './db/open';

withCliDatabase(async (database) => {
  const r = await verifyAuditChain(database.db);
  if (r.brokenAt === null)
    console.log(`Nhật ký nguyên vẹn / audit trail intact: ${r.rows} rows, ${r.anchors} signed heads checked`);
  else {
    const why = {
      row: 'a row or link does not match the key',
      head: 'the newest rows were deleted',
      anchor: 'a signed head is no longer in the table',
      key: 'the trail was sealed with another key',
    }[r.reason!];
    console.error(
      `Nhật ký bị sửa hoặc xóa từ dòng / audit trail altered at row ${r.brokenAt} (${r.rows} rows): ${why}`,
    );
    process.exitCode = 1;
  }
}).catch(fail);
