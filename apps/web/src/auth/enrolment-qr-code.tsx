import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnrolmentResponse } from '../api/api-types.ts';

/** Reads the base32 secret out of an `otpauth://totp/…?secret=…` URL for manual entry. */
function secretOf(otpauthUrl: string): string | null {
  const match = /[?&]secret=([A-Z2-7=]+)/i.exec(otpauthUrl);
  return match?.[1] ?? null;
}

/**
 * The enrolment QR code. The server's SVG is shown through an `<img>` data URL rather than injected into the
 * page, so nothing inside it can run.
 */
export function EnrolmentQrCode({ enrolment }: { enrolment: EnrolmentResponse }) {
  const { t } = useTranslation();
  const secret = secretOf(enrolment.otpauthUrl);
  const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`;
  return (
    <div style={{ textAlign: 'center', marginBottom: 16 }}>
      <img
        src={src}
        alt={t('login.qrAlt')}
        width={200}
        height={200}
        style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: 8, background: '#fff' }}
      />
      {secret !== null && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('login.manualSecret')}</Typography.Text>
          <br />
          <Typography.Text code copyable={{ text: secret }}>
            {secret.replace(/(.{4})/g, '$1 ').trim()}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
