import { Image, View } from '@tarojs/components';
import emptyImage from '../assets/empty.png';
import errorImage from '../assets/error.png';

// Shipped with the app: NutUI's Empty/Result default images load from an outside CDN, which is
// broken offline and outside WeChat's domain whitelist (issue 9). Never import those components.
const images: Record<'empty' | 'error', string> = { empty: String(emptyImage), error: String(errorImage) };

/** An empty or error state: a local illustration and one line of Chinese text. */
export function EmptyState({ description, status = 'empty' }: { description: string; status?: 'empty' | 'error' }) {
  return (
    <View
      className={`empty-state empty-state-${status}`}
      style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', padding: '32px 24px' }}
    >
      <Image
        className="empty-state-image"
        src={images[status]}
        style={{ width: '120px', height: '120px' }}
        mode="aspectFit"
      />
      <View
        className="empty-state-description"
        style={{ marginTop: '12px', color: '#888', fontSize: '14px', textAlign: 'center', lineHeight: '1.6' }}
      >
        {description}
      </View>
    </View>
  );
}
