// An empty catch around a loop that uploads every backup file: a failed upload is never noticed.
const express = require('express');
const fs = require('fs');
const path = require('path');
const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');

const s3 = new S3Client({ region: process.env.AWS_REGION });
const BACKUP_DIR = process.env.BACKUP_DIR || '/var/backups/app';
const app = express();

async function uploadBackups() {
  const files = fs.readdirSync(BACKUP_DIR);
  try {
    for (const file of files) {
      await s3.send(new PutObjectCommand({ Bucket: process.env.BACKUP_BUCKET, Key: file, Body: fs.createReadStream(path.join(BACKUP_DIR, file)) }));
    }
  } catch {} // expect: swallowed-crash
}

app.post('/admin/backups/upload', (req, res) => {
  uploadBackups();
  res.status(202).json({ started: true });
});

app.listen(3000);
