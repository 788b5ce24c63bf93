package org.w3id.ruralkg.cli;
public class Main { public static void main(String[] a) {} }
