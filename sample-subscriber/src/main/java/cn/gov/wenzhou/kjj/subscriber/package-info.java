/** A small runnable consumer of the published language, for outside subscribers to copy. */
package cn.gov.wenzhou.kjj.subscriber;
