// Streams a multipart upload of N megabytes to URL, from its own process (so the API's memory can be measured
// alone), and prints {"status", "body"}. Usage: node stream-upload.mjs URL AUTHORIZATION MEGABYTES BOUNDARY
const [url, authorization, megabytes, boundary] = process.argv.slice(2);
const chunk = Buffer.alloc(256 * 1024, 0x41);
let left = Math.ceil((Number(megabytes) * 1024 * 1024) / chunk.length);
const body = new ReadableStream({
  start(controller) {
    controller.enqueue(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="enorme.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`),
    );
  },
  pull(controller) {
    if (left-- > 0) {
      controller.enqueue(chunk);
    } else {
      controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
      controller.close();
    }
  },
});
const response = await fetch(url, {
  method: 'POST',
  duplex: 'half',
  body,
  headers: { authorization, 'content-type': `multipart/form-data; boundary=${boundary}` },
});
process.stdout.write(JSON.stringify({ status: response.status, body: await response.text() }));
