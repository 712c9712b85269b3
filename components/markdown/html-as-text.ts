type Node = { type: string; value?: string; children?: Node[] };

const BLOCK_PARENTS = new Set(["root", "blockquote", "listItem", "footnoteDefinition"]);

/**
 * remark plugin: raw HTML in a trace is shown as literal text. Reviewers see exactly what the
 * teacher wrote, and none of it reaches the DOM as markup (there is no rehype-raw).
 */
export function remarkHtmlAsText() {
  return (tree: Node) => {
    const walk = (node: Node) => {
      for (const child of node.children ?? []) {
        if (child.type === "html" && BLOCK_PARENTS.has(node.type)) {
          child.type = "paragraph";
          child.children = [{ type: "text", value: child.value ?? "" }];
          delete child.value;
        } else if (child.type === "html") {
          child.type = "text";
        } else {
          walk(child);
        }
      }
    };
    walk(tree);
  };
}
