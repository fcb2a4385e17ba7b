// OpenCC's dictionaries ship as modules whose default export is `"source replacement|..."`.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
