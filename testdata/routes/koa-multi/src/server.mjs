import app from './app.mjs';

const port = Number(process.env.PORT ?? 4000);

app.listen(port, () => {
  console.log(`newsroom-api listening on ${port}`);
});
