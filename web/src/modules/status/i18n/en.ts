import type zhCN from './zh-CN';

/** English messages of the status module, with the same keys as the Chinese ones. */
const en: typeof zhCN = {
  statusDesigner: {
    held: 'Held',
    heldTitle: '{count} file(s) not deployed at start-up',
    heldHint: 'These files changed in processes/, but a designer has since deployed a newer version. Start-up never replaces a designer version; to adopt a file, open it in the designer and deploy it.',
  },
};

export default en;
