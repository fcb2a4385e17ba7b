// opencc-js ships its dictionaries as plain modules without typings; each default-exports a
// "source target [target...]|..." string.
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TWVariantsRev' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/HKVariantsRev' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/CJK_Compatibility_Ideographs' {
  const dict: string;
  export default dict;
}
