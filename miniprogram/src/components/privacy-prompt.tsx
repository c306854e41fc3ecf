import { Button, Text } from '@tarojs/components'
import { openPrivacyGuide, usePrivacyRequest } from '../services/privacy'
import { Sheet } from './ui/sheet'

const AGREE_BUTTON = 'privacy-agree'

/**
 * WeChat's privacy prompt (services/privacy.ts): shown only while WeChat holds a call that needs the person's
 * agreement; says what for, links the whole guide, and answers with 同意并继续 or 不同意.
 */
export function PrivacyPrompt({ purpose }: { purpose: string }) {
  const request = usePrivacyRequest()
  if (!request.asking) return null
  return (
    <Sheet title='请您先同意' name='隐私保护提示' className='privacy-sheet'>
      <Text className='plain-line privacy-purpose'>{purpose}</Text>
      <Text className='plain-line'>连心只为办理您的事情使用这些信息，到期删除，不给别人看您的手机号和住址。详见《连心隐私保护指引》。</Text>
      <Button className='btn btn--secondary privacy-guide' onClick={openPrivacyGuide}>
        查看《连心隐私保护指引》
      </Button>
      <Button id={AGREE_BUTTON} className='btn btn--primary btn--huge privacy-agree' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={() => request.agree(AGREE_BUTTON)}>
        同意并继续
      </Button>
      <Button className='btn btn--secondary privacy-decline' onClick={request.decline}>
        不同意
      </Button>
    </Sheet>
  )
}
