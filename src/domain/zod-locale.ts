import { z } from 'zod';

// Messages zod writes itself (wrong type, missing field) appear to users: make them Chinese everywhere.
z.config(z.locales.zhCN());
