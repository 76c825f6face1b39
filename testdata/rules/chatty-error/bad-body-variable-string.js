// String(e) is put in a response object held in a variable and sent without a status (200).
const express = require('express');
const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');

const s3 = new S3Client({ region: process.env.AWS_REGION });
const app = express();

app.get('/avatars/:key', async (req, res) => {
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: 'avatars', Key: req.params.key }));
    res.type(out.ContentType || 'image/png');
    out.Body.pipe(res);
  } catch (e) {
    const body = { ok: false, error: String(e) };
    res.json(body); // expect: chatty-error
  }
});

app.listen(3000);
