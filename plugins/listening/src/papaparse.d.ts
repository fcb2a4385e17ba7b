// The browser build of papaparse has no `require('stream')` (its Node build does), so it bundles
// for the sandbox; it has the same API as the package entry.
declare module 'papaparse/papaparse.min.js' {
  import Papa from 'papaparse';
  export default Papa;
}
