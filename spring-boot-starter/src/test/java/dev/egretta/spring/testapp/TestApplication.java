package dev.egretta.spring.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest application, in its own package so that its scan finds none of the starter's classes. */
@SpringBootApplication
public class TestApplication {}
