/** The UI languages of SBSS; reports and alert messages are written in one of them. */
export type Language = 'en' | 'zh-Hans' | 'zh-Hant';
