import { defineContentScript } from '#imports';

export default defineContentScript({
  matches: ['https://www.gongshu.gov.cn/art/*', 'http://www.gongshu.gov.cn/art/*'],
  main() {},
});
