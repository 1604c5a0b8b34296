"""Short article paragraphs shared by the stage tests (three English, three Japanese)."""

P1 = "The first sentence of the article sets the scene. The second sentence adds some detail to it."
P2 = (
    "A new paragraph begins with a long sentence about something else. It goes on for a while here."
)
P3 = "The third paragraph concludes the article nicely. It has two sentences in it."

JA1 = "日本語の記事はここから始まります。最初の段落では背景を説明します。"
JA2 = "次の段落では詳細に踏み込みます。技術的な内容も含まれています。"
JA3 = "最後の段落では全体をまとめます。読んでいただきありがとうございました。"

# Two Jekyll code blocks of one advisory, the first cut inside by the drafts that use them.
HIGHLIGHT_LEAD = "Impacted code looks something like this:"
HIGHLIGHT_FIRST = (
    "{% highlight ruby %}\nhandle = Fiddle::Handle.new(dangerous_user_input)\n{% endhighlight %}"
)
HIGHLIGHT_SECOND = (
    "{% highlight ruby %}\nhandle = Fiddle::Handle.new(some_library)\n"
    "function_pointer = handle[dangerous_user_input]\n{% endhighlight %}"
)


def release_blocks(*sizes: int) -> str:
    """Download links, each followed by an indented checksum block opening "SIZE:"."""
    return "".join(
        f"* [tool-{n}.tar.gz](https://example.org/pub/tool-{n}.tar.gz)\n\n"
        f"      SIZE:   {size} bytes\n      SHA1:   {size:040x}\n      SHA256: {size * 7:064x}\n\n"
        for n, size in enumerate(sizes)
    )
