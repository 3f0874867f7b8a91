import { z } from 'zod';

// Validation messages are read by Chinese officials: switch zod to zh-CN once,
// at import of the core package (configuration, not a dependency).
z.config(z.locales.zhCN());

export { z };
