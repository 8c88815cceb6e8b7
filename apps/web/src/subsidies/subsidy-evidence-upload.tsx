import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseAttachmentContentUrl, readFileAsBase64 } from '../cases/case-attachment-api.ts';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { feePaymentApi } from './fee-payment-api.ts';

/**
 * 上传证明材料 as a form control: picks a file, uploads it to the loan's case as subsidy evidence and holds the
 * document id (`value`), shown as a link to the stored file. `kind` is a case attachment kind (default `other`).
 */
export function SubsidyEvidenceUpload(props: {
  caseId: string;
  kind?: string;
  value?: string;
  onChange?: (documentId: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const upload = useMutation({
    mutationFn: async (file: File) =>
      feePaymentApi.uploadEvidence(props.caseId, {
        kind: props.kind ?? 'other',
        fileName: file.name,
        mimeType: file.type,
        contentBase64: await readFileAsBase64(file),
      }),
    onSuccess: (attachment) => props.onChange?.(attachment.id),
  });
  return (
    <Space orientation="vertical" size={4}>
      <Space>
        <Upload
          showUploadList={false}
          accept=".pdf,.jpg,.jpeg,.png"
          beforeUpload={(file) => {
            upload.mutate(file);
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
            {t('feePayments.uploadProof')}
          </Button>
        </Upload>
        {props.value !== undefined && (
          <Typography.Link href={caseAttachmentContentUrl(props.value)} target="_blank">
            <PaperClipOutlined /> {upload.data?.fileName ?? t('feePayments.openProof')}
          </Typography.Link>
        )}
      </Space>
      {upload.error !== null && <ProblemAlert error={upload.error} />}
    </Space>
  );
}
