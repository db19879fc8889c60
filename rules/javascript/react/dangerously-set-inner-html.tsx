import DOMPurify from "dompurify";

export function Comment({ body }: { body: string }) {
  return (
    <section>
      {/* ruleid: javascript.react.dangerously-set-inner-html */}
      <div dangerouslySetInnerHTML={{ __html: body }} />
      {/* ok: javascript.react.dangerously-set-inner-html */}
      <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(body) }} />
      {/* ok: javascript.react.dangerously-set-inner-html */}
      <div dangerouslySetInnerHTML={{ __html: "<hr/>" }} />
    </section>
  );
}
