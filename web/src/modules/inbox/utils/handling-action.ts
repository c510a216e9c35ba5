/** The handling actions besides completing: 退单 (return), 延期申请 (extension) and 缓办 (suspend). */
export type HandlingActionKind = 'return' | 'extension' | 'suspend';
