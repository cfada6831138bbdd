package cn.gov.wenzhou.kjj.opendata.query;

import java.util.List;

/**
 * One page of a keyset-ordered list: the items, how many match in all, and the key of the last item when more follow
 * (the next page starts after it). Keyset paging costs the same on page 1 and page 1,000, and a row added meanwhile
 * never shifts a page.
 */
public record Slice<T>(List<T> items, long total, Keyset nextAfter) {

    /** The sort key of a row: two parts, the second making it unique. */
    public record Keyset(String first, String second) {
    }
}
