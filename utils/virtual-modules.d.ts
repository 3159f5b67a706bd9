// Modules the build makes (scripts/page-words.ts).
declare module 'virtual:duban-page-words' {
  const words: import('./page-words').PageWords;
  export default words;
}
