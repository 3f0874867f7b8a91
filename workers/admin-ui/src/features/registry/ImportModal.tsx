import { ApiError } from '../../api/client.ts';
import { orgApi } from '../../api/endpoints.ts';
import type { ImportResult } from '../../api/types.ts';
import { ExcelImportModal, type ImportOutcome } from '../../lib/ExcelImportModal.tsx';

interface Props {
  open: boolean;
  tenant: string;
  onClose(): void;
  onImported(result: ImportResult): void;
}

export function ImportModal({ open, tenant, onClose, onImported }: Props) {
  const importFile = async (bytes: ArrayBuffer): Promise<ImportOutcome> => {
    try {
      const result = await orgApi.import(tenant, bytes);
      onImported(result);
      return {
        kind: 'ok',
        summary: `新增 ${result.created} 个党组织，更新 ${result.updated} 个党组织${result.unchanged ? `，${result.unchanged} 个无变化` : ''}。`,
      };
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) {
        return { kind: 'invalid', title: '导入未通过校验，未保存任何数据', detail: err.problem.detail, errors: err.problem.errors ?? [] };
      }
      throw err;
    }
  };
  return (
    <ExcelImportModal
      open={open}
      title="Excel 导入党组织"
      rules="请使用导入模板填写后上传（.xlsx，不超过 20 MB）。整个文件逐行校验：只要有一行有误，本次导入不保存任何数据，请按错误报告修改后重新上传。"
      template={() => orgApi.template(tenant)}
      importFile={importFile}
      onClose={onClose}
    />
  );
}
