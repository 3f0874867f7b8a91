import { Form } from 'antd';
import { useState } from 'react';
import type { ListImportResult } from '../../../api/list-endpoints.ts';
import { ExcelImportModal, type ImportOutcome } from '../../../lib/ExcelImportModal.tsx';
import { AllianceFilter } from './AllianceFilter.tsx';
import { useOnOpen } from '../../../lib/useOnOpen.ts';

interface Props {
  open: boolean;
  tenant: string;
  /** 需求 or 资源: the noun in titles and messages. */
  noun: string;
  /** Preset alliance (the list's filter). */
  allianceId?: string;
  /** needApi or resourceApi. */
  api: {
    template(tenant: string): Promise<unknown>;
    import(tenant: string, allianceId: string, bytes: ArrayBuffer): Promise<ListImportResult>;
  };
  onClose(): void;
  onImported(created: number): void;
}

/** Excel import into one alliance's list: all rows or none, with the errors of every row. */
export function ListImportModal({ open, tenant, noun, allianceId, api, onClose, onImported }: Props) {
  const [alliance, setAlliance] = useState<string | null>(allianceId ?? null);

  useOnOpen(open, () => setAlliance(allianceId ?? null), [allianceId]);

  const importFile = async (bytes: ArrayBuffer): Promise<ImportOutcome> => {
    const result = await api.import(tenant, alliance!, bytes);
    if (result.errors.length > 0) return { kind: 'invalid', title: `导入未通过校验，未保存任何数据（共 ${result.errors.length} 处错误）`, errors: result.errors };
    onImported(result.created);
    return { kind: 'ok', summary: `新增 ${result.created} 条${noun}。` };
  };

  return (
    <ExcelImportModal
      open={open}
      title={`Excel 导入${noun}`}
      rules={`请使用导入模板填写后上传（.xlsx，不超过 20 MB），全部${noun}记入所选的党建联合体。整个文件逐行校验：只要有一行有误，本次导入不保存任何数据，请按错误报告修改后重新上传。`}
      template={() => api.template(tenant)}
      importFile={importFile}
      ready={!!alliance}
      onClose={onClose}
    >
      <Form layout="vertical" name="list-import">
        <Form.Item label="导入到党建联合体" required style={{ marginBottom: 0 }}>
          <AllianceFilter tenant={tenant} width="100%" placeholder="输入联合体名称搜索" value={alliance} onChange={(v) => setAlliance(v ?? null)} />
        </Form.Item>
      </Form>
    </ExcelImportModal>
  );
}
