import { createApp } from './app.mjs';

const app = createApp();
app.listen(Number(process.env.PORT ?? 3000));
