import { ApiError } from '../../api/client.ts';
import { peopleApi } from '../../api/people-endpoints.ts';
import { ExcelImportModal, type ImportOutcome } from '../../lib/ExcelImportModal.tsx';

interface Props {
  open: boolean;
  tenant: string;
  onClose(): void;
  onImported(): void;
}

/** Excel import of people: all rows or none, the errors of every row and column in Chinese. */
export function PeopleImportModal({ open, tenant, onClose, onImported }: Props) {
  const importFile = async (bytes: ArrayBuffer): Promise<ImportOutcome> => {
    try {
      const r = await peopleApi.import(tenant, bytes);
      onImported();
      return { kind: 'ok', summary: `新增 ${r.created} 人，更新 ${r.updated} 人${r.unchanged ? `，${r.unchanged} 人无变化` : ''}。` };
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
      title="Excel 导入人员"
      rules="请使用导入模板填写后上传（.xlsx，不超过 20 MB）。所属党组织可填全称、行政区划代码或组织编号；从导出文件修改时，打码的手机号、身份证号表示不修改。整个文件逐行校验：只要有一行有误，本次导入不保存任何数据。"
      template={() => peopleApi.template(tenant)}
      importFile={importFile}
      onClose={onClose}
    />
  );
}
