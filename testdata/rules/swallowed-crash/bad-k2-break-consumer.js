// An SQS consumer loop stops for good on its first error with `break`, while the server keeps answering health checks.
const express = require('express');
const { SQSClient, ReceiveMessageCommand, DeleteMessageCommand } = require('@aws-sdk/client-sqs');

const sqs = new SQSClient({ region: process.env.AWS_REGION });
const QUEUE_URL = process.env.ORDERS_QUEUE_URL;
const app = express();

async function forward(message) {
  await fetch(process.env.FULFILLMENT_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: message.Body });
}

async function consume() {
  while (true) {
    try {
      const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: QUEUE_URL, WaitTimeSeconds: 20 }));
      for (const message of Messages) {
        await forward(message);
        await sqs.send(new DeleteMessageCommand({ QueueUrl: QUEUE_URL, ReceiptHandle: message.ReceiptHandle }));
      }
    } catch (err) { break; } // expect: swallowed-crash
  }
}

app.get('/health', (req, res) => res.json({ ok: true }));

consume();
app.listen(3000);
